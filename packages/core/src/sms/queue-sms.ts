// Appointment texts are queued inside the booking's own transaction: the message row and its
// send job commit (or roll back) with the appointment. Sending happens in the worker, so a
// booking never waits for, or fails because of, Twilio.
import { AppError } from "../errors";
import { enqueueManyFromTenant } from "../queue";
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
  // One statement for the appointment, its people and the clinic (Prisma would read each
  // relation on its own round trip, inside a booking the caller is waiting on).
  const [row] = await tx.$queryRaw<
    {
      startsAt: Date;
      patientId: string | null;
      firstName: string | null;
      phone: string | null;
      providerName: string;
      typeName: string;
      clinicName: string;
      timezone: string;
      reminderLeadMinutes: number;
    }[]
  >`
    SELECT a."startsAt", pt.id AS "patientId", pt."firstName", pt.phone, pr.name AS "providerName",
           t.name AS "typeName", c.name AS "clinicName", c.timezone, c."reminderLeadMinutes"
      FROM appointments a
      JOIN providers pr ON pr.id = a."providerId"
      JOIN appointment_types t ON t.id = a."appointmentTypeId"
      JOIN clinics c ON c.id = a."clinicId"
      LEFT JOIN patients pt ON pt.id = a."patientId"
     WHERE a.id = ${appointmentId}::uuid AND a."clinicId" = ${clinicId}::uuid`;
  if (!row) throw new AppError("NOT_FOUND", "appointment not found");
  if (!row.patientId) return;
  const appointment = {
    startsAt: row.startsAt,
    patient: { id: row.patientId, firstName: row.firstName as string, phone: row.phone as string },
  };
  const clinic = { name: row.clinicName, timezone: row.timezone, reminderLeadMinutes: row.reminderLeadMinutes };
  const details = {
    clinicName: clinic.name,
    timezone: clinic.timezone,
    startsAt: appointment.startsAt,
    providerName: row.providerName,
    typeName: row.typeName,
    firstName: appointment.patient.firstName,
  };
  const message = (messageKind: SmsKindOut, scheduledFor: Date | null) => ({
    clinicId,
    patientId: appointment.patient.id,
    appointmentId,
    direction: "outbound" as const,
    kind: messageKind,
    toNumber: appointment.patient.phone,
    body: smsBody(messageKind, details),
    status: "queued" as const,
    scheduledFor,
  });
  const messages = [message(kind, null)];
  if (kind === "confirmation" || kind === "reschedule") {
    const remindAt = new Date(appointment.startsAt.getTime() - clinic.reminderLeadMinutes * 60_000);
    if (remindAt.getTime() - now.getTime() > REMINDER_MIN_LEAD_MS) messages.push(message("reminder", remindAt));
  }
  // The text and its reminder in one insert, their send jobs in one call.
  const created = await tx.smsMessage.createManyAndReturn({
    data: messages,
    select: { id: true, scheduledFor: true },
  });
  await enqueueManyFromTenant(
    tx,
    "sms:send",
    created.map((m) => ({ payload: { clinicId, messageId: m.id }, runAt: m.scheduledFor })),
    { maxAttempts: 12 },
  );
}

/** Reminders not yet sent for an appointment that was cancelled or moved never go out. */
export const cancelPendingReminders = (tx: TenantTransaction, appointmentId: string) =>
  tx.smsMessage.updateMany({
    where: { appointmentId, kind: "reminder", status: "queued" },
    data: { status: "cancelled" },
  });
