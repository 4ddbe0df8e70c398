// Calls at the edges: the dashboard's filters and the rows procedures return. Client-safe (zod
// and Prisma's generated enums only).
import { z } from "zod";
import { appointmentStatus } from "../appointments/schemas";
import { CallDirection, CallOutcome } from "../generated/prisma/enums";
import { instant } from "../time/schemas";

export const callOutcomes = Object.values(CallOutcome);
export const callOutcome = z.enum(CallOutcome);

export const listCallsInput = z.object({
  from: instant.optional(),
  to: instant.optional(),
  outcome: callOutcome.optional(),
  assistantId: z.uuid().optional(),
  phoneNumberId: z.uuid().optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const callIdInput = z.object({ callId: z.uuid() });

const patientRef = z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), phone: z.string() });
const ref = z.object({ id: z.string(), name: z.string() });

export const callRow = z.object({
  id: z.string(),
  status: z.string(),
  direction: z.enum(CallDirection),
  fromNumber: z.string().nullable(),
  toNumber: z.string().nullable(),
  startedAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  durationSeconds: z.number().nullable(),
  endedReason: z.string().nullable(),
  outcome: callOutcome.nullable(),
  summary: z.string().nullable(),
  costUsd: z.number().nullable(),
  createdAt: z.date(),
  patient: patientRef.nullable(),
  assistant: ref.nullable(),
  phoneNumber: z.object({ id: z.string(), e164: z.string(), label: z.string().nullable() }).nullable(),
});

export const callPage = z.object({ items: z.array(callRow), nextCursor: z.string().optional() });

export const callTurn = z.object({
  role: z.enum(["assistant", "user", "tool"]),
  text: z.string(),
  at: z.number().nullable(),
  tool: z.string().optional(),
});

export const callDetail = callRow.extend({
  transcript: z.string().nullable(),
  messages: z.array(callTurn),
  recordingUrl: z.string().nullable(),
  stereoRecordingUrl: z.string().nullable(),
  structuredData: z.record(z.string(), z.unknown()).nullable(),
  successEvaluation: z.string().nullable(),
  costBreakdown: z.unknown(),
  transferredAt: z.date().nullable(),
  appointments: z.array(
    z.object({
      id: z.string(),
      status: appointmentStatus,
      startsAt: z.date(),
      endsAt: z.date(),
      rescheduledFromId: z.string().nullable(),
      provider: ref,
      appointmentType: ref,
    }),
  ),
});

export const callFilters = z.object({
  assistants: z.array(ref),
  numbers: z.array(z.object({ id: z.string(), e164: z.string(), label: z.string().nullable() })),
});

/** One final line of a call in progress, as the live dashboard shows it. */
export const liveLine = z.object({ role: z.enum(["assistant", "user"]), text: z.string(), at: z.number().nullable() });

export const liveCalls = z.object({
  active: z.array(callRow.extend({ lines: z.array(liveLine) })),
  recent: z.array(callRow),
});
