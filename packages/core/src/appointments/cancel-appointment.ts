import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import { transact } from "../realtime/transact";
import { cancelPendingReminders, queueAppointmentSms } from "../sms/queue-sms";
import type { TenantDb } from "../tenancy";
import { appointmentEvent } from "./live-event";
import { cancelInput } from "./schemas";
import { appointmentSelect, readAppointment } from "./select";
import { lockAppointment } from "./slot-rules";

/** Cancels a booking or a hold; cancelling a cancelled appointment changes nothing. */
export async function cancelAppointment(
  db: TenantDb,
  origin: Origin,
  raw: z.input<typeof cancelInput>,
  now = new Date(),
) {
  const { appointmentId: id, reason } = cancelInput.parse(raw);
  return transact(db, async (tx, emit) => {
    // The row stays locked until commit: a concurrent cancel or move waits, then sees this one.
    const appointment = await lockAppointment(tx, id);
    if (!appointment) throw new AppError("NOT_FOUND", "appointment not found");
    if (appointment.status === "cancelled") return readAppointment(tx, db.clinicId, id);
    if (appointment.status !== "booked" && appointment.status !== "held") {
      throw new AppError("CONFLICT", `a ${appointment.status.replace("_", "-")} appointment can't be cancelled`);
    }
    const cancelled = await tx.appointment.update({
      where: { id },
      data: { status: "cancelled", cancelledAt: now, cancelReason: reason ?? null },
      select: appointmentSelect,
    });
    if (appointment.status === "booked") {
      await cancelPendingReminders(tx, id);
      await queueAppointmentSms(tx, db.clinicId, id, "cancellation", now);
    }
    await recordAudit(tx, origin, { action: "appointment.cancel", targetType: "appointment", targetId: id });
    emit(appointmentEvent("appointment.cancelled", cancelled, origin.actor));
    return cancelled;
  });
}
