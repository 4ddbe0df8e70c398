// The worker's side of Vapi's informational messages: the webhook route stored the message
// (redacted) in the inbox and queued this; here it becomes part of the call's row, and the inbox
// row is marked processed in the same transaction, so a crash in between redoes the whole thing.
import type { RootDb } from "../db";
import { AppError } from "../errors";
import { transact } from "../realtime/transact";
import type { TenantClients } from "../tenancy";
import { applyCallFacts } from "./apply-call-facts";
import { factsFromMessage } from "./call-facts";

export type CallEventDeps = { rootDb: RootDb; tenants: TenantClients };
export type CallEventOutcome = "recorded" | "skipped" | "ignored";

/** Vapi's envelope is `{ message }`; accept the bare message too. */
function messageOf(payload: unknown): Record<string, unknown> {
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return {};
  const body = payload as Record<string, unknown>;
  const inner = body.message;
  return inner && typeof inner === "object" && !Array.isArray(inner) ? (inner as Record<string, unknown>) : body;
}

export async function recordCallEvent(
  deps: CallEventDeps,
  job: { clinicId: string; eventId: string },
  now = new Date(),
): Promise<CallEventOutcome> {
  const db = deps.tenants.forTenant(job.clinicId);
  const done = (lastError: string | null) =>
    db.webhookInboxEvent.updateMany({
      where: { id: job.eventId, status: { not: "processed" } },
      data: { status: "processed", processedAt: now, lastError, attempts: { increment: 1 } },
    });

  const clinic = await deps.rootDb.clinic.findUnique({ where: { id: job.clinicId }, select: { status: true } });
  // A suspended or deleted clinic gets no service; what its calls sent is kept, not applied.
  if (clinic?.status !== "active") {
    await done(`skipped: the clinic is ${clinic?.status ?? "gone"}`);
    return "skipped";
  }
  // The tenant client finds only this clinic's rows: a job naming another clinic's event finds none.
  const event = await db.webhookInboxEvent.findUnique({
    where: { id: job.eventId },
    select: { source: true, status: true, payload: true },
  });
  if (event?.source !== "vapi" || event.status === "processed") return "skipped";

  const facts = factsFromMessage(messageOf(event.payload));
  if (!facts) {
    await done("ignored: the message names no call");
    return "ignored";
  }
  try {
    await transact(db, async (tx, emit) => {
      await applyCallFacts(tx, job.clinicId, facts, now, emit);
      await tx.webhookInboxEvent.update({
        where: { id: job.eventId },
        data: { status: "processed", processedAt: now, lastError: null, attempts: { increment: 1 } },
      });
    });
  } catch (error) {
    // A refusal (another clinic's call id) will not change on a retry: the row says why it stopped.
    if (error instanceof AppError) {
      await db.webhookInboxEvent.update({
        where: { id: job.eventId },
        data: { status: "failed", lastError: error.message, attempts: { increment: 1 } },
      });
    }
    throw error;
  }
  return "recorded";
}
