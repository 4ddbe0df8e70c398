import { z } from "zod";
import type { TenantDb } from "../tenancy";

export const smsStatuses = [
  "queued",
  "sending",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "received",
  "skipped_opted_out",
  "cancelled",
] as const;

export const listSmsInput = z.object({
  status: z.enum(smsStatuses).optional(),
  patientId: z.uuid().optional(),
  appointmentId: z.uuid().optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const smsSelect = {
  id: true,
  direction: true,
  kind: true,
  toNumber: true,
  fromNumber: true,
  body: true,
  status: true,
  errorCode: true,
  errorMessage: true,
  attempts: true,
  scheduledFor: true,
  sentAt: true,
  deliveredAt: true,
  createdAt: true,
  appointmentId: true,
  patient: { select: { id: true, firstName: true, lastName: true } },
} as const;

/** The clinic's SMS log, newest first (UUIDv7 ids sort by time). */
export async function listSms(db: TenantDb, raw: z.input<typeof listSmsInput>) {
  const { status, patientId, appointmentId, cursor, limit } = listSmsInput.parse(raw);
  const rows = await db.smsMessage.findMany({
    where: { status, patientId, appointmentId, id: cursor ? { lt: cursor } : undefined },
    select: smsSelect,
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? rows[limit - 1]?.id : undefined };
}
