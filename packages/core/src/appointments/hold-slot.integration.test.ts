// Holds on real PostgreSQL, for a clinic in New York; "now" is passed explicitly.
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

describe("holds", () => {
  const t = useTestDatabase();
  const clinic = useSchedulingClinic(t);
  const open = (date: string, now = NOW) => clinic.openStarts(date, now);

  it("holds a slot for a few minutes, then lets it go by itself", async () => {
    const { typeId: appointmentTypeId, providerId } = clinic;
    const startsAt = local("2031-03-07", "09:00");
    const hold = await holdSlot(clinic.db, agentOrigin(), { appointmentTypeId, providerId, startsAt }, NOW);
    expect(hold.holdExpiresAt?.getTime()).toBe(NOW.getTime() + 5 * 60_000);
    expect(hold.source).toBe("agent");
    expect(await open("2031-03-07")).not.toContain(startsAt.toISOString());
    await expect(
      bookAppointment(clinic.db, staffOrigin(), { appointmentTypeId, providerId, startsAt, patient: patient(4) }, NOW),
    ).rejects.toBeInstanceOf(SlotTakenError);

    const later = new Date(NOW.getTime() + 6 * 60_000);
    expect(await open("2031-03-07", later)).toContain(startsAt.toISOString());
    const booked = await bookAppointment(
      clinic.db,
      staffOrigin(),
      { appointmentTypeId, providerId, startsAt, patient: patient(4) },
      later,
    );
    expect(booked.status).toBe("booked");
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: hold.id } })).cancelReason).toBe("hold expired");
    expect(await t.db.auditLog.count({ where: { action: "appointment.hold", targetId: hold.id } })).toBe(1);
  });
});
