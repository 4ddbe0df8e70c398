// Booking on real PostgreSQL, called the way the voice agent and the worker call it: no router.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import {
  agentOrigin,
  newYorkTime as local,
  testPatient as patient,
  staffOrigin,
  useSchedulingClinic,
} from "../../../../test/fixtures";
import { bookAppointment } from "./book-appointment";
import { holdSlot } from "./hold-slot";
import { SlotTakenError } from "./slot-rules";

const NOW = new Date("2031-03-03T12:00:00Z");

describe("booking", () => {
  const t = useTestDatabase();
  const clinic = useSchedulingClinic(t);
  const staff = staffOrigin();
  const open = (date: string) => clinic.openStarts(date, NOW);
  const audited = () => t.db.auditLog.count({ where: { clinicId: clinic.clinicId, action: "appointment.book" } });

  it("hides booked time and its buffer, and a lost race gets real alternatives", async () => {
    const { typeId: appointmentTypeId, providerId } = clinic;
    const startsAt = local("2031-03-05", "10:00");
    const booked = await bookAppointment(clinic.db, staff, {
      appointmentTypeId,
      providerId,
      startsAt,
      patient: patient(1),
    });
    expect(booked).toMatchObject({
      status: "booked",
      source: "dashboard",
      provider: { id: providerId },
      patient: { phone: "+14155551001" },
    });
    const slots = await open("2031-03-05");
    for (const gone of ["09:30", "09:45", "10:00", "10:15", "10:30"])
      expect(slots).not.toContain(local("2031-03-05", gone).toISOString());
    for (const kept of ["09:15", "10:45"]) expect(slots).toContain(local("2031-03-05", kept).toISOString());

    const error = await bookAppointment(clinic.db, staff, {
      appointmentTypeId,
      providerId,
      startsAt,
      patient: patient(2),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(error).toBeInstanceOf(SlotTakenError);
    const alternatives = (error as SlotTakenError).alternatives;
    expect(alternatives.length).toBe(3);
    for (const alternative of alternatives)
      expect(Math.abs(alternative.startsAt.getTime() - startsAt.getTime())).toBeLessThanOrEqual(45 * 60_000);
  });

  it("turns a hold into the booking without letting anyone in between", async () => {
    const { typeId: appointmentTypeId, providerId } = clinic;
    const startsAt = local("2031-03-07", "13:00");
    const hold = await holdSlot(clinic.db, agentOrigin(), { appointmentTypeId, providerId, startsAt }, NOW);
    const booked = await bookAppointment(
      clinic.db,
      agentOrigin(),
      { appointmentTypeId, providerId, startsAt, patient: patient(5), holdId: hold.id },
      new Date(NOW.getTime() + 60_000),
    );
    expect(booked).toMatchObject({ id: hold.id, status: "booked", holdExpiresAt: null });
  });

  it("writes its audit row with the actor it was given, and none for a booking that fails", async () => {
    const { typeId: appointmentTypeId, providerId } = clinic;
    const call = await t.db.call.create({
      data: { clinicId: clinic.clinicId, vapiCallId: `call-${randomBytes(4).toString("hex")}`, status: "in-progress" },
    });
    const startsAt = local("2031-03-06", "09:00");
    const before = await audited();
    const booked = await bookAppointment(clinic.db, agentOrigin(call.id), {
      appointmentTypeId,
      providerId,
      startsAt,
      patient: patient(20),
    });
    expect(booked.source).toBe("agent");
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: booked.id } })).callId).toBe(call.id);
    expect(await audited()).toBe(before + 1);
    expect(await t.db.auditLog.findFirst({ where: { action: "appointment.book", targetId: booked.id } })).toMatchObject(
      {
        actorType: "voice_agent",
        actorUserId: null,
        apiKeyId: null,
        targetType: "appointment",
        targetId: booked.id,
        metadata: { callId: call.id },
        ip: null,
      },
    );

    await expect(
      bookAppointment(clinic.db, agentOrigin(call.id), {
        appointmentTypeId,
        providerId,
        startsAt,
        patient: patient(21),
      }),
    ).rejects.toBeInstanceOf(SlotTakenError);
    expect(await audited()).toBe(before + 1);
  });

  it("books a new caller's visits made at the same moment under one patient record", async () => {
    const { typeId: appointmentTypeId, providerId } = clinic;
    const twins = await Promise.all(
      ["09:00", "11:00", "13:00", "15:00"].map((time) =>
        bookAppointment(
          clinic.db,
          agentOrigin(),
          { appointmentTypeId, providerId, startsAt: local("2031-03-10", time), patient: patient(30) },
          NOW,
        ),
      ),
    );
    const patients = await t.db.patient.findMany({ where: { clinicId: clinic.clinicId, phone: "+14155551030" } });
    expect(patients).toHaveLength(1);
    expect(new Set(twins.map((b) => b.patient?.id))).toEqual(new Set([patients[0]?.id]));
    const texts = await t.db.smsMessage.count({ where: { appointmentId: { in: twins.map((b) => b.id) } } });
    expect(texts).toBe(8); // a confirmation and a reminder each
  });

  it("confirms nothing for a hold that expired: no booking, no texts, no audit row", async () => {
    const { typeId: appointmentTypeId, providerId } = clinic;
    const startsAt = local("2031-03-11", "10:00");
    const hold = await holdSlot(clinic.db, agentOrigin(), { appointmentTypeId, providerId, startsAt }, NOW);
    const before = await audited();
    const late = new Date(NOW.getTime() + 6 * 60_000);
    await expect(
      bookAppointment(
        clinic.db,
        agentOrigin(),
        { appointmentTypeId, providerId, startsAt, patient: patient(31), holdId: hold.id },
        late,
      ),
    ).rejects.toBeInstanceOf(SlotTakenError);
    expect(await t.db.appointment.findUniqueOrThrow({ where: { id: hold.id } })).toMatchObject({
      status: "held",
      patientId: null,
    });
    expect(await t.db.smsMessage.count({ where: { appointmentId: hold.id } })).toBe(0);
    expect(await audited()).toBe(before);
  });
});
