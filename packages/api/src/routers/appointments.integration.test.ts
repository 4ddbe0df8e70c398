// Scheduling through the real procedures on real PostgreSQL. Times are in a clinic in New
// York; "now" is passed explicitly to the core functions where the test needs a fixed clock.
import { bookAppointment, findOpenSlots, holdSlot, SlotTakenError } from "@frontdesk/core/scheduling";
import { beforeAll, describe, expect, it } from "vitest";
import { newClinic, useServices } from "../../../../test/api";
import { useTestDatabase } from "../../../../test/database";

const MONDAY = "2031-03-03"; // a Monday; the clock below is that morning, 07:00 EST
const NOW = new Date("2031-03-03T12:00:00Z");

describe("scheduling", () => {
  const t = useTestDatabase();
  const services = useServices(t);
  let clinic: Awaited<ReturnType<typeof newClinic>>;
  let providerId: string;
  let secondProviderId: string;
  let typeId: string;
  const db = () => services().tenants.forTenant(clinic.orgId);
  const local = (date: string, time: string) => {
    // New York is UTC-5 in winter and UTC-4 in summer; these tests only use dates they know.
    const offset = date >= "2031-03-09" && date < "2031-11-02" ? "-04:00" : "-05:00";
    return new Date(`${date}T${time}:00${offset}`);
  };
  const patient = (n: number) => ({ firstName: `Pat${n}`, lastName: "Ient", phone: `(415) 555-${String(1000 + n)}` });

  beforeAll(async () => {
    clinic = await newClinic(services(), "Sched");
    await t.db.organization.update({
      where: { id: clinic.orgId },
      // A long horizon, so 2031 dates are bookable through the procedures (which use the real clock).
      data: { timezone: "America/New_York", minNoticeMinutes: 120, bookingHorizonDays: 3650, holdMinutes: 5 },
    });
    const make = async (name: string) => {
      const p = await t.db.provider.create({ data: { orgId: clinic.orgId, name } });
      await t.db.workingHours.createMany({
        data: [1, 2, 3, 4, 5].map((weekday) => ({
          orgId: clinic.orgId,
          providerId: p.id,
          weekday,
          startMinute: 540,
          endMinute: 1020,
        })),
      });
      return p.id;
    };
    providerId = await make("Dr. Alpha");
    secondProviderId = await make("Dr. Beta");
    const type = await t.db.appointmentType.create({
      data: { orgId: clinic.orgId, name: "Check-up", durationMinutes: 30, bufferAfterMinutes: 10 },
    });
    typeId = type.id;
    await t.db.providerAppointmentType.createMany({
      data: [providerId, secondProviderId].map((id) => ({
        orgId: clinic.orgId,
        providerId: id,
        appointmentTypeId: typeId,
      })),
    });
  });

  const open = async (date: string, now = NOW, provider = providerId) =>
    (
      await findOpenSlots(db(), { appointmentTypeId: typeId, providerId: provider, from: date, to: date }, now)
    ).slots.map((s) => s.startsAt.toISOString());

  it("offers every 15 minutes within working hours, in the clinic's zone, with words to say", async () => {
    const slots = await open("2031-03-04");
    expect(slots).toHaveLength(31); // 09:00 … 16:30
    expect(slots[0]).toBe(local("2031-03-04", "09:00").toISOString());
    expect(slots.at(-1)).toBe(local("2031-03-04", "16:30").toISOString());
    const first = (await findOpenSlots(db(), { appointmentTypeId: typeId, from: "2031-03-04", to: "2031-03-04" }, NOW))
      .slots[0];
    expect(first?.spoken).toBe("Tuesday, March 4 at 9:00 AM with Dr. Alpha");
    expect(await open("2031-03-08")).toEqual([]); // Saturday
  });

  it("keeps 9:00 at 9:00 local across the daylight-saving change", async () => {
    expect((await open("2031-03-07"))[0]).toBe("2031-03-07T14:00:00.000Z"); // Friday, EST
    expect((await open("2031-03-10"))[0]).toBe("2031-03-10T13:00:00.000Z"); // Monday, EDT
    expect(await open("2031-03-10")).toHaveLength(31);
  });

  it("respects minimum notice and the booking horizon", async () => {
    // 08:30 local with 2 hours' notice: the first bookable start is 10:30.
    expect((await open(MONDAY, local(MONDAY, "08:30")))[0]).toBe(local(MONDAY, "10:30").toISOString());
    await t.db.organization.update({ where: { id: clinic.orgId }, data: { bookingHorizonDays: 60 } });
    try {
      expect(await open("2031-05-01")).toHaveLength(31); // Thursday, 59 days out
      expect(await open("2031-06-02")).toEqual([]); // Monday, 91 days out
    } finally {
      await t.db.organization.update({ where: { id: clinic.orgId }, data: { bookingHorizonDays: 3650 } });
    }
  });

  it("applies date overrides: a holiday closes, extra hours replace the week's", async () => {
    await t.db.scheduleOverride.create({
      data: { orgId: clinic.orgId, date: new Date("2031-03-12"), kind: "closed", reason: "Holiday" },
    });
    await t.db.scheduleOverride.create({
      data: {
        orgId: clinic.orgId,
        providerId,
        date: new Date("2031-03-15"),
        kind: "open",
        startMinute: 600,
        endMinute: 660,
      },
    });
    expect(await open("2031-03-12")).toEqual([]);
    expect(await open("2031-03-12", NOW, secondProviderId)).toEqual([]); // clinic-wide
    expect(await open("2031-03-15")).toEqual(
      ["10:00", "10:15", "10:30"].map((t) => local("2031-03-15", t).toISOString()),
    );
  });

  it("hides booked time and its buffer, and a lost race gets real alternatives", async () => {
    const caller = clinic.owner;
    const startsAt = local("2031-03-05", "10:00");
    const booked = await caller.appointments.book({
      appointmentTypeId: typeId,
      providerId,
      startsAt,
      patient: patient(1),
    });
    expect(booked).toMatchObject({
      status: "booked",
      provider: { id: providerId },
      patient: { phone: "+14155551001" },
    });
    const slots = await open("2031-03-05");
    for (const gone of ["09:30", "09:45", "10:00", "10:15", "10:30"])
      expect(slots).not.toContain(local("2031-03-05", gone).toISOString());
    for (const kept of ["09:15", "10:45"]) expect(slots).toContain(local("2031-03-05", kept).toISOString());

    const error = await caller.appointments
      .book({ appointmentTypeId: typeId, providerId, startsAt, patient: patient(2) })
      .catch((e: { code: string; shape?: unknown; cause?: unknown }) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    const alternatives = ((error as { cause: SlotTakenError }).cause as SlotTakenError).alternatives;
    expect(alternatives.length).toBe(3);
    for (const alternative of alternatives)
      expect(Math.abs(alternative.startsAt.getTime() - startsAt.getTime())).toBeLessThanOrEqual(45 * 60_000);
  });

  it("lets exactly one of many concurrent bookings of one slot win", async () => {
    const startsAt = local("2031-03-06", "11:00");
    const attempts = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) =>
        clinic.owner.appointments.book({ appointmentTypeId: typeId, providerId, startsAt, patient: patient(100 + i) }),
      ),
    );
    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((l) => (l.reason as { code: string }).code)).toEqual(Array(24).fill("CONFLICT"));
    const live = await t.db.appointment.count({
      where: { orgId: clinic.orgId, providerId, startsAt, status: { in: ["booked", "held"] } },
    });
    expect(live).toBe(1);
  });

  it("returns the first booking for a retried idempotency key, and refuses the key for another booking", async () => {
    const request = {
      appointmentTypeId: typeId,
      providerId,
      startsAt: local("2031-03-06", "14:00"),
      patient: patient(3),
      idempotencyKey: "call-123:tool-456",
    };
    const [a, b] = await Promise.all([
      clinic.owner.appointments.book(request),
      clinic.owner.appointments.book(request),
    ]);
    expect(b.id).toBe(a.id);
    expect((await clinic.owner.appointments.book(request)).id).toBe(a.id);
    await expect(
      clinic.owner.appointments.book({ ...request, startsAt: local("2031-03-06", "15:00") }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("idempotency key") });
  });

  it("holds a slot for a few minutes, then lets it go by itself", async () => {
    const startsAt = local("2031-03-07", "09:00");
    const hold = await holdSlot(
      db(),
      { appointmentTypeId: typeId, providerId, startsAt },
      { source: "agent", now: NOW },
    );
    expect(hold.holdExpiresAt?.getTime()).toBe(NOW.getTime() + 5 * 60_000);
    expect(await open("2031-03-07")).not.toContain(startsAt.toISOString());
    await expect(
      bookAppointment(
        db(),
        { appointmentTypeId: typeId, providerId, startsAt, patient: patient(4) },
        { source: "dashboard", now: NOW },
      ),
    ).rejects.toBeInstanceOf(SlotTakenError);

    const later = new Date(NOW.getTime() + 6 * 60_000);
    expect(await open("2031-03-07", later)).toContain(startsAt.toISOString());
    const booked = await bookAppointment(
      db(),
      { appointmentTypeId: typeId, providerId, startsAt, patient: patient(4) },
      { source: "dashboard", now: later },
    );
    expect(booked.status).toBe("booked");
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: hold.id } })).cancelReason).toBe("hold expired");
  });

  it("turns a hold into the booking without letting anyone in between", async () => {
    const startsAt = local("2031-03-07", "13:00");
    const hold = await holdSlot(
      db(),
      { appointmentTypeId: typeId, providerId, startsAt },
      { source: "agent", now: NOW },
    );
    const booked = await bookAppointment(
      db(),
      { appointmentTypeId: typeId, providerId, startsAt, patient: patient(5), holdId: hold.id },
      { source: "agent", now: new Date(NOW.getTime() + 60_000) },
    );
    expect(booked).toMatchObject({ id: hold.id, status: "booked", holdExpiresAt: null });
  });

  it("reschedules in one step: a small move works, a move onto someone else leaves the original", async () => {
    const original = await clinic.owner.appointments.book({
      appointmentTypeId: typeId,
      providerId: secondProviderId,
      startsAt: local("2031-03-05", "09:00"),
      patient: patient(6),
    });
    // Offered times for the move include ones overlapping where it is now.
    const offered = await clinic.owner.appointments.availability({
      appointmentTypeId: typeId,
      providerId: secondProviderId,
      from: "2031-03-05",
      to: "2031-03-05",
      movingAppointmentId: original.id,
    });
    expect(offered.slots.map((s) => s.startsAt.toISOString())).toContain(local("2031-03-05", "09:15").toISOString());
    const moved = await clinic.owner.appointments.reschedule({
      appointmentId: original.id,
      startsAt: local("2031-03-05", "09:15"),
    });
    expect(moved).toMatchObject({ status: "booked", rescheduledFromId: original.id });
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: original.id } })).status).toBe("cancelled");

    const other = await clinic.owner.appointments.book({
      appointmentTypeId: typeId,
      providerId: secondProviderId,
      startsAt: local("2031-03-05", "11:00"),
      patient: patient(7),
    });
    await expect(
      clinic.owner.appointments.reschedule({ appointmentId: moved.id, startsAt: local("2031-03-05", "11:00") }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: moved.id } })).status).toBe("booked");
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("booked");
  });

  it("refuses times outside hours with a message that says what to do", async () => {
    await expect(
      clinic.owner.appointments.book({
        appointmentTypeId: typeId,
        providerId,
        startsAt: local("2031-03-05", "07:00"),
        patient: patient(8),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("choose one of the open times") });
    await expect(
      clinic.owner.appointments.book({
        appointmentTypeId: typeId,
        providerId,
        startsAt: local("2031-03-05", "13:00"),
        patient: { ...patient(9), phone: "12" },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("cancelling frees the slot", async () => {
    const startsAt = local("2031-03-06", "16:00");
    const booked = await clinic.owner.appointments.book({
      appointmentTypeId: typeId,
      providerId,
      startsAt,
      patient: patient(10),
    });
    expect(await open("2031-03-06")).not.toContain(startsAt.toISOString());
    await clinic.owner.appointments.cancel({ appointmentId: booked.id, reason: "patient called" });
    expect(await open("2031-03-06")).toContain(startsAt.toISOString());
  });
});
