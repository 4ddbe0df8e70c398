// Scheduling through the real procedures on real PostgreSQL: what the procedures add over
// core (concurrent requests, validation messages, the caller as the audited actor). What
// booking, holds, moves and availability do is specified next to them in core.
import { beforeAll, describe, expect, it } from "vitest";
import { newClinic, useServices } from "../../../../test/api";
import { useTestDatabase } from "../../../../test/database";
import { fillSchedule, newYorkTime as local, testPatient as patient } from "../../../../test/fixtures";

describe("scheduling", () => {
  const t = useTestDatabase();
  const services = useServices(t);
  let clinic: Awaited<ReturnType<typeof newClinic>>;
  let providerId: string;
  let typeId: string;

  beforeAll(async () => {
    clinic = await newClinic(services(), "Sched");
    ({ providerId, typeId } = await fillSchedule(t.db, clinic.clinicId));
  });

  it("lets exactly one of many concurrent bookings of one slot win, and audits only the winner", async () => {
    const startsAt = local("2031-03-06", "11:00");
    const audited = () => t.db.auditLog.count({ where: { clinicId: clinic.clinicId, action: "appointment.book" } });
    const before = await audited();
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
      where: { clinicId: clinic.clinicId, providerId, startsAt, status: { in: ["booked", "held"] } },
    });
    expect(live).toBe(1);
    expect(await audited()).toBe(before + 1);
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

  it("books from the dashboard as the signed-in person, audited with their IP", async () => {
    const booked = await clinic.owner.appointments.book({
      appointmentTypeId: typeId,
      providerId,
      startsAt: local("2031-03-05", "10:00"),
      patient: patient(1),
    });
    expect(booked.source).toBe("dashboard");
    expect(await t.db.auditLog.findFirst({ where: { action: "appointment.book", targetId: booked.id } })).toMatchObject(
      { actorType: "user", actorUserId: clinic.userId, ip: "198.51.100.7" },
    );
  });
});
