import type { z } from "zod";
import type { TenantDb } from "../tenancy";
import { listSmsInput } from "./schemas";

/** The columns of `smsMessageRow` (./schemas). */
const smsSelect = {
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
