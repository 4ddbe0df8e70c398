import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import {
  newYorkTime as local,
  testPatient as patient,
  staffOrigin,
  useSchedulingClinic,
} from "../../../../test/fixtures";
import { bookAppointment } from "./book-appointment";
import { cancelAppointment } from "./cancel-appointment";

const NOW = new Date("2031-03-03T12:00:00Z");

describe("cancelling", () => {
  const t = useTestDatabase();
  const clinic = useSchedulingClinic(t);
  const staff = staffOrigin();
  const open = (date: string) => clinic.openStarts(date, NOW);

  it("cancelling frees the slot", async () => {
    const startsAt = local("2031-03-06", "16:00");
    const booked = await bookAppointment(clinic.db, staff, {
      appointmentTypeId: clinic.typeId,
      providerId: clinic.providerId,
      startsAt,
      patient: patient(10),
    });
    expect(await open("2031-03-06")).not.toContain(startsAt.toISOString());
    await cancelAppointment(clinic.db, staff, { appointmentId: booked.id, reason: "patient called" });
    expect(await open("2031-03-06")).toContain(startsAt.toISOString());
    expect(
      await t.db.auditLog.findFirst({ where: { action: "appointment.cancel", targetId: booked.id } }),
    ).toMatchObject({ actorType: "user", actorUserId: (staff.actor as { userId: string }).userId, ip: staff.ip });
  });
});
