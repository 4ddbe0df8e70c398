// The SMS log at the edges: how it is filtered and the message row procedures return.
// Client-safe (zod and Prisma's generated enums only).
import { z } from "zod";
import { SmsDirection, SmsKind, SmsStatus } from "../generated/prisma/enums";

export const smsStatus = z.enum(SmsStatus);
export const smsStatuses = smsStatus.options;

export const listSmsInput = z.object({
  status: smsStatus.optional(),
  patientId: z.uuid().optional(),
  appointmentId: z.uuid().optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const smsMessageRow = z.object({
  id: z.string(),
  direction: z.enum(SmsDirection),
  kind: z.enum(SmsKind),
  toNumber: z.string(),
  fromNumber: z.string().nullable(),
  body: z.string(),
  status: smsStatus,
  errorCode: z.number().nullable(),
  errorMessage: z.string().nullable(),
  attempts: z.number(),
  scheduledFor: z.date().nullable(),
  sentAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  createdAt: z.date(),
  appointmentId: z.string().nullable(),
  patient: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }).nullable(),
});

export const smsPage = z.object({ items: z.array(smsMessageRow), nextCursor: z.string().optional() });
