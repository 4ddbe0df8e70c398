// Two people (or a person and the voice agent) changing one appointment at the same moment:
// each call runs on its own pooled connection, truly concurrently. Exactly one wins; the other
// gets a clear CONFLICT or sees the finished change, and the patient gets one text, not two.
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
import { rescheduleAppointment } from "./reschedule-appointment";

const ROUNDS = 4;
const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;

describe("concurrent changes to one appointment", () => {
  const t = useTestDatabase();
  const clinic = useSchedulingClinic(t);
  const staff = staffOrigin();
  const book = (startsAt: Date, n: number) =>
    bookAppointment(clinic.db, staff, {
      appointmentTypeId: clinic.typeId,
      providerId: clinic.providerId,
      startsAt,
      patient: patient(n),
    });
  const settle = <T>(work: Promise<T>[]) => Promise.allSettled(work);
  const texts = (appointmentIds: string[], kind: "cancellation" | "reschedule") =>
    t.db.smsMessage.count({ where: { appointmentId: { in: appointmentIds }, kind } });
  const sendJobs = async (appointmentIds: string[], kind: "cancellation" | "reschedule") => {
    const messages = await t.db.smsMessage.findMany({ where: { appointmentId: { in: appointmentIds }, kind } });
    const rows = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks k ON k.id = j.task_id
      WHERE k.identifier = 'sms:send' AND j.payload->>'messageId' = ANY(${messages.map((m) => m.id)}::text[])`;
    return rows[0]?.n;
  };

  it("two cancels: both answer cancelled, one cancellation text is queued", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const booked = await book(local("2031-03-10", hour(10 + round)), 100 + round);
      const outcomes = await settle([
        cancelAppointment(clinic.db, staff, { appointmentId: booked.id }),
        cancelAppointment(clinic.db, staff, { appointmentId: booked.id }),
        cancelAppointment(clinic.db, staff, { appointmentId: booked.id }),
      ]);
      for (const outcome of outcomes) expect(outcome).toMatchObject({ value: { status: "cancelled" } });
      expect(await texts([booked.id], "cancellation")).toBe(1);
      expect(await sendJobs([booked.id], "cancellation")).toBe(1);
      expect(await t.db.auditLog.count({ where: { action: "appointment.cancel", targetId: booked.id } })).toBe(1);
    }
  });

  it("two reschedules of one appointment: one moves it, the other is a CONFLICT; one booking, one text", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const booked = await book(local("2031-03-11", hour(9 + round)), 200 + round);
      const outcomes = await settle([
        rescheduleAppointment(clinic.db, staff, {
          appointmentId: booked.id,
          providerId: clinic.secondProviderId,
          startsAt: local("2031-03-12", hour(9 + round)),
        }),
        rescheduleAppointment(clinic.db, staff, {
          appointmentId: booked.id,
          providerId: clinic.secondProviderId,
          startsAt: local("2031-03-12", hour(13 + round)),
        }),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const lost = outcomes.find((o) => o.status === "rejected");
      expect(lost?.reason).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("only a booked") });
      const moves = await t.db.appointment.findMany({ where: { rescheduledFromId: booked.id } });
      const live = await t.db.appointment.count({
        where: { id: { in: [booked.id, ...moves.map((m) => m.id)] }, status: "booked" },
      });
      expect(live).toBe(1);
      expect(
        await texts(
          moves.map((m) => m.id),
          "reschedule",
        ),
      ).toBe(1);
    }
  });

  it("a cancel racing a reschedule: either the move or the cancel, never a cancelled patient with a new booking", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const booked = await book(local("2031-03-13", hour(9 + round)), 300 + round);
      const outcomes = await settle([
        rescheduleAppointment(clinic.db, staff, {
          appointmentId: booked.id,
          providerId: clinic.secondProviderId,
          startsAt: local("2031-03-14", hour(9 + round)),
        }),
        cancelAppointment(clinic.db, staff, { appointmentId: booked.id }),
      ]);
      const moves = await t.db.appointment.findMany({ where: { rescheduledFromId: booked.id } });
      const [moved, cancelled] = outcomes;
      if (moved?.status === "fulfilled") {
        // The move won; the cancel then found a cancelled (moved) appointment and sent nothing.
        expect(cancelled?.status).toBe("fulfilled");
        expect(await texts([booked.id], "cancellation")).toBe(0);
        expect(moves.map((m) => m.status)).toEqual(["booked"]);
      } else {
        expect(moved).toMatchObject({ reason: { code: "CONFLICT" } });
        expect(await texts([booked.id], "cancellation")).toBe(1);
        expect(moves).toEqual([]);
      }
    }
  });
});
