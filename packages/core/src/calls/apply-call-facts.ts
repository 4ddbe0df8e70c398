// Writes what a message (or the reconciler) learned about a call onto its row. Shared by the
// worker's event processing and the reconciler so both combine facts the same way.
import { type CallOutcome, Prisma } from "../db";
import { AppError } from "../errors";
import type { LiveEvent } from "../realtime/schemas";
import type { Emit } from "../realtime/transact";
import type { TenantTransaction } from "../tenancy";
import {
  askedToBook,
  type CallActions,
  type CallFacts,
  type CallState,
  mergeCall,
  outcomeOf,
  type Turn,
} from "./call-facts";

const stateSelect = {
  id: true,
  status: true,
  direction: true,
  fromNumber: true,
  toNumber: true,
  startedAt: true,
  endedAt: true,
  durationSeconds: true,
  endedReason: true,
  transcript: true,
  messages: true,
  recordingUrl: true,
  stereoRecordingUrl: true,
  summary: true,
  structuredData: true,
  successEvaluation: true,
  costUsd: true,
  costBreakdown: true,
  transferredAt: true,
  reportedAt: true,
  outcome: true,
  patientId: true,
  phoneNumberId: true,
  assistantId: true,
} as const;

/** What was done on the call through the agent: its own bookings, and changes audited with its id. */
async function actionsOn(tx: TenantTransaction, callId: string): Promise<CallActions & { patientId?: string }> {
  const [made, audited] = await Promise.all([
    tx.appointment.findMany({
      where: { callId, status: { in: ["booked", "completed", "no_show"] } },
      select: { rescheduledFromId: true, patientId: true },
      orderBy: { createdAt: "asc" },
    }),
    tx.auditLog.findMany({
      where: {
        action: { in: ["appointment.cancel", "appointment.reschedule"] },
        metadata: { path: ["callId"], equals: callId },
      },
      select: { action: true },
    }),
  ]);
  return {
    booked: made.some((a) => !a.rescheduledFromId),
    rescheduled: made.some((a) => a.rescheduledFromId) || audited.some((a) => a.action === "appointment.reschedule"),
    cancelled: audited.some((a) => a.action === "appointment.cancel"),
    patientId: made.find((a) => a.patientId)?.patientId ?? undefined,
  };
}

/**
 * Creates the call if this is the first word of it (the voice route may have opened it
 * already), then merges `facts` under a row lock so two messages of one call never interleave.
 */
export async function applyCallFacts(
  tx: TenantTransaction,
  clinicId: string,
  facts: CallFacts,
  now = new Date(),
  emit: Emit = () => {},
) {
  await tx.call.createMany({
    data: [{ clinicId, vapiCallId: facts.vapiCallId, status: facts.status ?? "queued" }],
    skipDuplicates: true,
  });
  // Row-level security hides another clinic's row, so a call id claimed by another clinic locks
  // nothing and is refused below rather than merged.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM calls WHERE "vapiCallId" = ${facts.vapiCallId} FOR UPDATE`;
  const row = locked[0] ? await tx.call.findUnique({ where: { id: locked[0].id }, select: stateSelect }) : null;
  if (!row) throw new AppError("CONFLICT", "this Vapi call belongs to another clinic");

  const state: CallState = {
    ...row,
    messages: (row.messages as Turn[] | null) ?? null,
    structuredData: (row.structuredData as Record<string, unknown> | null) ?? null,
    costUsd: row.costUsd === null ? null : Number(row.costUsd),
  };
  const next = mergeCall(state, facts, now);
  const actions = await actionsOn(tx, row.id);
  const links = await linksFor(tx, row, next, facts, actions.patientId);
  const json = (value: unknown) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue));
  const outcome = outcomeOf(next, actions);
  emit(...liveChanges(row.id, state, row.outcome, next, outcome));
  await tx.call.update({
    where: { id: row.id },
    data: {
      ...next,
      messages: json(next.messages),
      structuredData: json(next.structuredData),
      costBreakdown: json(next.costBreakdown),
      outcome,
      askedToBook: askedToBook(next, actions),
      ...links,
    },
  });
  return { callId: row.id };
}

const IN_PROGRESS = ["in-progress", "forwarding"];
const said = (turns: Turn[] | null) => new Set((turns ?? []).map((t) => `${t.role}\n${t.text}`));

/** What the dashboard sees change: the call starting, its status, new lines, its end and outcome. */
function liveChanges(
  callId: string,
  before: CallState,
  outcomeBefore: CallOutcome | null,
  after: CallState,
  outcome: CallOutcome | null,
): LiveEvent[] {
  const events: LiveEvent[] = [];
  if (after.status !== before.status) {
    const started = IN_PROGRESS.includes(after.status) && !IN_PROGRESS.includes(before.status);
    events.push(
      started
        ? { name: "call.started", data: { callId, status: after.status, startedAt: after.startedAt } }
        : { name: "call.status", data: { callId, status: after.status } },
    );
  }
  if (after.status !== "ended") {
    const known = said(before.messages);
    for (const turn of after.messages ?? []) {
      if (turn.role === "tool" || known.has(`${turn.role}\n${turn.text}`)) continue;
      events.push({
        name: "call.transcript",
        data: { callId, role: turn.role, text: turn.text.slice(0, 2000), at: turn.at },
      });
    }
  }
  // Again when the report follows the "ended" status with the duration or a different outcome.
  const changed =
    before.status !== "ended" || outcome !== outcomeBefore || after.durationSeconds !== before.durationSeconds;
  if (after.status === "ended" && changed) {
    events.push({ name: "call.ended", data: { callId, outcome, durationSeconds: after.durationSeconds } });
  }
  return events;
}

/** The clinic's number, assistant and patient for the call, where not known yet. */
async function linksFor(
  tx: TenantTransaction,
  row: { patientId: string | null; phoneNumberId: string | null; assistantId: string | null },
  call: CallState,
  facts: CallFacts,
  bookedPatientId: string | undefined,
) {
  const links: { patientId?: string; phoneNumberId?: string; assistantId?: string } = {};
  const ourNumber = call.direction === "inbound" ? call.toNumber : call.fromNumber;
  const caller = call.direction === "inbound" ? call.fromNumber : call.toNumber;
  if (!row.phoneNumberId && (ourNumber || facts.vapiPhoneNumberId)) {
    const number = await tx.phoneNumber.findFirst({
      where: {
        OR: [
          ...(ourNumber ? [{ e164: ourNumber }] : []),
          ...(facts.vapiPhoneNumberId ? [{ vapiPhoneNumberId: facts.vapiPhoneNumberId }] : []),
        ],
      },
      select: { id: true, assistantId: true },
    });
    if (number) {
      links.phoneNumberId = number.id;
      if (!row.assistantId && number.assistantId) links.assistantId = number.assistantId;
    }
  }
  if (!row.assistantId && facts.vapiAssistantId) {
    const assistant = await tx.assistant.findFirst({
      where: { vapiAssistantId: facts.vapiAssistantId },
      select: { id: true },
    });
    if (assistant) links.assistantId = assistant.id;
  }
  if (!row.patientId) {
    const known = caller ? await tx.patient.findFirst({ where: { phone: caller }, select: { id: true } }) : null;
    const patientId = known?.id ?? bookedPatientId;
    if (patientId) links.patientId = patientId;
  }
  return links;
}
