import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import { transact } from "../realtime/transact";
import { cancelPendingReminders, queueAppointmentSms } from "../sms/queue-sms";
import type { TenantDb } from "../tenancy";
import { bookingSourceOf, callIdOf } from "./booking-source";
import { appointmentEvent } from "./live-event";
import { rescheduleInput } from "./schemas";
import { readAppointment } from "./select";
import { asSlotTaken, assertBookable, lockAppointment, takeSlot } from "./slot-rules";

/**
 * Moves an appointment in one transaction: the new slot is taken before the old one is freed,
 * so a failure leaves the original booking untouched. The overlap check is deferred to commit,
 * which lets an appointment move by less than its own length.
 */
export async function rescheduleAppointment(
  db: TenantDb,
  origin: Origin,
  raw: z.input<typeof rescheduleInput>,
  now = new Date(),
) {
  const input = rescheduleInput.parse(raw);
  const old = await db.appointment.findUnique({ where: { id: input.appointmentId } });
  if (!old) throw new AppError("NOT_FOUND", "appointment not found");
  if (old.status !== "booked")
    throw new AppError("CONFLICT", `only a booked appointment can be moved (this one is ${old.status})`);
  const slot = {
    appointmentTypeId: old.appointmentTypeId,
    providerId: input.providerId ?? old.providerId,
    startsAt: input.startsAt,
  };
  // The appointment's own time counts as free: a small move overlaps where it is now.
  await assertBookable(db, slot, now, old.id);
  try {
    return await transact(db, async (tx, emit) => {
      // Locked until commit: a concurrent move or cancel of the same appointment waits for this
      // one and then finds it no longer booked.
      const current = await lockAppointment(tx, old.id);
      if (current?.status !== "booked")
        throw new AppError("CONFLICT", `only a booked appointment can be moved (this one is ${current?.status})`);
      await tx.$executeRaw`SET CONSTRAINTS appointments_no_overlap DEFERRED`;
      const moved = await takeSlot(tx, db.clinicId, slot, now, {
        patientId: old.patientId,
        status: "booked",
        source: bookingSourceOf(origin.actor),
        callId: callIdOf(origin.actor) ?? old.callId,
        notes: old.notes,
        rescheduledFromId: old.id,
      });
      await tx.appointment.update({
        where: { id: old.id },
        data: { status: "cancelled", cancelledAt: now, cancelReason: "rescheduled" },
      });
      await cancelPendingReminders(tx, old.id);
      await queueAppointmentSms(tx, db.clinicId, moved.id, "reschedule", now);
      await recordAudit(tx, origin, {
        action: "appointment.reschedule",
        targetType: "appointment",
        targetId: moved.id,
        metadata: { from: old.id },
      });
      const row = await readAppointment(tx, db.clinicId, moved.id);
      emit(appointmentEvent("appointment.moved", row, origin.actor, old.id));
      return row;
    });
  } catch (error) {
    throw await asSlotTaken(error, db, slot, now);
  }
}
