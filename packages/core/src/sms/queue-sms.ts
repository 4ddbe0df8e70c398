// Appointment texts are queued with the change they are about: the message rows and their send
// jobs commit (or roll back) with the appointment. Sending happens in the worker, so a booking
// never waits for, or fails because of, Twilio.
import { Prisma, uuidv7 } from "../db";
import { AppError } from "../errors";
import { clinicJobs } from "../queue";
import type { TenantTransaction } from "../tenancy";
import { type SmsKindOut, smsBody } from "./templates";

const REMINDER_MIN_LEAD_MS = 15 * 60_000;
const SEND_ATTEMPTS = 12;

/** What an appointment's texts say and where they go. */
export type TextDetails = {
  clinicId: string;
  appointmentId: string;
  patientId: string;
  phone: string;
  firstName: string;
  startsAt: Date;
  providerName: string;
  typeName: string;
  clinicName: string;
  timezone: string;
  reminderLeadMinutes: number;
};

/**
 * The texts of one change to an appointment, as parts of a single statement: `insert` writes the
 * message now (and, for a new time, its reminder when there is time for one), `jobs` their send
 * jobs. Both write only when `source` has a row, so a change that matched nothing sends nothing.
 */
export function appointmentTexts(d: TextDetails, kind: SmsKindOut, now: Date, source: Prisma.Sql) {
  const texts = [{ id: uuidv7(), kind, body: smsBody(kind, d), scheduledFor: null as Date | null }];
  if (kind === "confirmation" || kind === "reschedule") {
    const remindAt = new Date(d.startsAt.getTime() - d.reminderLeadMinutes * 60_000);
    if (remindAt.getTime() - now.getTime() > REMINDER_MIN_LEAD_MS) {
      texts.push({ id: uuidv7(), kind: "reminder", body: smsBody("reminder", d), scheduledFor: remindAt });
    }
  }
  const send = clinicJobs(
    "sms:send",
    texts.map((t) => ({ payload: { clinicId: d.clinicId, messageId: t.id }, runAt: t.scheduledFor })),
    { maxAttempts: SEND_ATTEMPTS },
  );
  return {
    insert: Prisma.sql`
      INSERT INTO sms_messages (id, "clinicId", "patientId", "appointmentId", direction, kind, "toNumber", body, status,
                                "scheduledFor", "updatedAt")
      SELECT t.id, ${d.clinicId}::uuid, ${d.patientId}::uuid, ${d.appointmentId}::uuid, 'outbound', t.kind::"SmsKind",
             ${d.phone}, t.body, 'queued', t.scheduled_for, now()
        FROM ${source},
             unnest(${texts.map((t) => t.id)}::uuid[], ${texts.map((t) => t.kind)}::text[], ${texts.map((t) => t.body)}::text[],
                    ${texts.map((t) => t.scheduledFor)}::timestamptz[]) AS t(id, kind, body, scheduled_for)`,
    jobs: Prisma.sql`SELECT ${send} FROM ${source}`,
  };
}

/** Queues an appointment's texts inside a change's transaction, reading what they say first. */
export async function queueAppointmentSms(
  tx: TenantTransaction,
  clinicId: string,
  appointmentId: string,
  kind: SmsKindOut,
  now: Date,
) {
  // One statement for the appointment, its people and the clinic (Prisma would read each
  // relation on its own round trip, inside a change the caller is waiting on).
  const [row] = await tx.$queryRaw<
    (Omit<TextDetails, "clinicId" | "appointmentId" | "patientId" | "phone" | "firstName"> & {
      patientId: string | null;
      firstName: string | null;
      phone: string | null;
    })[]
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
  const { patientId, firstName, phone } = row;
  if (!patientId || !firstName || !phone) return;
  const texts = appointmentTexts(
    { ...row, clinicId, appointmentId, patientId, firstName, phone },
    kind,
    now,
    Prisma.sql`(VALUES (1)) AS once(one)`,
  );
  await tx.$queryRaw`WITH texts AS (${texts.insert}) ${texts.jobs}`;
}

/** Reminders not yet sent for an appointment that was cancelled or moved never go out. */
export const cancelPendingReminders = (tx: TenantTransaction, appointmentId: string) =>
  tx.smsMessage.updateMany({
    where: { appointmentId, kind: "reminder", status: "queued" },
    data: { status: "cancelled" },
  });
