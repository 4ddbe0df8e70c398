// Moving appointments on real PostgreSQL, for a clinic in New York.
import { describe, expect, it } from "vitest";
import { useTestDatabase, waitFor } from "../../../../test/database";
import {
  newYorkTime as local,
  testPatient as patient,
  staffOrigin,
  useSchedulingClinic,
} from "../../../../test/fixtures";
import { bookAppointment } from "./book-appointment";
import { findOpenSlots } from "./find-open-slots";
import { rescheduleAppointment } from "./reschedule-appointment";
import { SlotTakenError } from "./slot-rules";

describe("rescheduling", () => {
  const t = useTestDatabase();
  const clinic = useSchedulingClinic(t);
  const staff = staffOrigin();
  const book = (startsAt: Date, n: number) =>
    bookAppointment(clinic.db, staff, {
      appointmentTypeId: clinic.typeId,
      providerId: clinic.secondProviderId,
      startsAt,
      patient: patient(n),
    });

  it("reschedules in one step: a small move works, a move onto someone else leaves the original", async () => {
    const original = await book(local("2031-03-05", "09:00"), 6);
    // Offered times for the move include ones overlapping where it is now.
    const offered = await findOpenSlots(clinic.db, {
      appointmentTypeId: clinic.typeId,
      providerId: clinic.secondProviderId,
      from: "2031-03-05",
      to: "2031-03-05",
      movingAppointmentId: original.id,
    });
    expect(offered.slots.map((s) => s.startsAt.toISOString())).toContain(local("2031-03-05", "09:15").toISOString());
    const moved = await rescheduleAppointment(clinic.db, staff, {
      appointmentId: original.id,
      startsAt: local("2031-03-05", "09:15"),
    });
    expect(moved).toMatchObject({ status: "booked", rescheduledFromId: original.id });
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: original.id } })).status).toBe("cancelled");
    expect(
      await t.db.auditLog.findFirst({ where: { action: "appointment.reschedule", targetId: moved.id } }),
    ).toMatchObject({ metadata: { from: original.id } });

    const other = await book(local("2031-03-05", "11:00"), 7);
    await expect(
      rescheduleAppointment(clinic.db, staff, { appointmentId: moved.id, startsAt: local("2031-03-05", "11:00") }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: moved.id } })).status).toBe("booked");
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("booked");
  });

  it("a move that loses at commit leaves no audit row: the row and the change go together", async () => {
    const original = await book(local("2031-03-06", "09:00"), 30);
    const target = local("2031-03-06", "11:00");
    // A rival booking of the target, inserted but not yet committed: the move does not see it,
    // writes its new row and its audit row, and then waits at COMMIT (the overlap check is
    // deferred to commit) until the rival commits, and loses.
    let releaseRival = () => {};
    const rivalMayCommit = new Promise<void>((resolve) => {
      releaseRival = resolve;
    });
    let rivalInserted = () => {};
    const inserted = new Promise<void>((resolve) => {
      rivalInserted = resolve;
    });
    const rival = t.db.$transaction(
      async (tx) => {
        const end = new Date(target.getTime() + 30 * 60_000);
        await tx.appointment.create({
          data: {
            clinicId: clinic.clinicId,
            providerId: clinic.secondProviderId,
            appointmentTypeId: clinic.typeId,
            status: "held",
            startsAt: target,
            endsAt: end,
            blockStart: target,
            blockEnd: end,
            holdExpiresAt: end,
            source: "dashboard",
          },
        });
        rivalInserted();
        await rivalMayCommit;
      },
      { timeout: 60_000 },
    );
    await inserted;
    const moving = rescheduleAppointment(clinic.db, staff, { appointmentId: original.id, startsAt: target }).catch(
      (e: unknown) => e,
    );
    await waitFor(
      async () =>
        (
          await t.db.$queryRaw<{ waiting: number }[]>`
            SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'COMMIT%'`
        )[0]?.waiting === 1,
      { what: "the move to wait for the rival at COMMIT" },
    );
    releaseRival();
    await rival;

    expect(await moving).toBeInstanceOf(SlotTakenError);
    expect(
      await t.db.auditLog.count({
        where: { action: "appointment.reschedule", metadata: { path: ["from"], equals: original.id } },
      }),
    ).toBe(0);
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: original.id } })).status).toBe("booked");
    expect(await t.db.appointment.count({ where: { rescheduledFromId: original.id } })).toBe(0);
  });
});
