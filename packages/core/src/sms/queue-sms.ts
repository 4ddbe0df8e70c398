// Appointment texts are queued inside the booking's own transaction: the message row and its
// send job commit (or roll back) with the appointment. Sending happens in the worker, so a
// booking never waits for, or fails because of, Twilio.
import { enqueueFromTenant } from "../queue";
import type { TenantTransaction } from "../tenancy";
import { type SmsKindOut, smsBody } from "./templates";

const REMINDER_MIN_LEAD_MS = 15 * 60_000;

export async function queueAppointmentSms(
  tx: TenantTransaction,
  clinicId: string,
  appointmentId: string,
  kind: SmsKindOut,
  now: Date,
) {
  const appointment = await tx.appointment.findUniqueOrThrow({
    where: { id: appointmentId },
    select: {
      startsAt: true,
      patient: { select: { id: true, firstName: true, phone: true } },
      provider: { select: { name: true } },
      appointmentType: { select: { name: true } },
    },
  });
  if (!appointment.patient) return;
  const clinic = await tx.clinic.findFirstOrThrow({
    select: { name: true, timezone: true, reminderLeadMinutes: true },
  });
  const details = {
    clinicName: clinic.name,
    timezone: clinic.timezone,
    startsAt: appointment.startsAt,
    providerName: appointment.provider.name,
    typeName: appointment.appointmentType.name,
    firstName: appointment.patient.firstName,
  };
  const queue = async (messageKind: SmsKindOut, scheduledFor: Date | null) => {
    const message = await tx.smsMessage.create({
      data: {
        clinicId,
        patientId: appointment.patient?.id,
        appointmentId,
        direction: "outbound",
        kind: messageKind,
        toNumber: appointment.patient?.phone as string,
        body: smsBody(messageKind, details),
        status: "queued",
        scheduledFor,
      },
      select: { id: true },
    });
    await enqueueFromTenant(
      tx,
      "sms:send",
      { clinicId, messageId: message.id },
      { runAt: scheduledFor ?? undefined, maxAttempts: 12 },
    );
  };

  await queue(kind, null);
  if (kind === "confirmation" || kind === "reschedule") {
    const remindAt = new Date(appointment.startsAt.getTime() - clinic.reminderLeadMinutes * 60_000);
    if (remindAt.getTime() - now.getTime() > REMINDER_MIN_LEAD_MS) await queue("reminder", remindAt);
  }
}

/** Reminders not yet sent for an appointment that was cancelled or moved never go out. */
export const cancelPendingReminders = (tx: TenantTransaction, appointmentId: string) =>
  tx.smsMessage.updateMany({
    where: { appointmentId, kind: "reminder", status: "queued" },
    data: { status: "cancelled" },
  });
