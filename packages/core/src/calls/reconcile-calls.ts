// Vapi does not retry webhooks by default, so an end-of-call report can be lost. Some minutes
// after a call began without its report arriving, ask Vapi for the call (`calls.get`) and apply
// what it says exactly as a report would be applied.
import type { RootDb } from "../db";
import { transact } from "../realtime/transact";
import type { TenantClients } from "../tenancy";
import { type VapiClient, vapiStatus } from "../vapi/client";
import { applyCallFacts } from "./apply-call-facts";
import { factsFromVapiCall } from "./call-facts";

export type ReconcileDeps = { rootDb: RootDb; tenants: TenantClients; vapi?: VapiClient };

/** A report normally follows the call within a minute; after this long it is presumed lost. */
export const RECONCILE_AFTER_MS = 10 * 60_000;
/** Calls older than this are left as they are: Vapi keeps what it has, and we stop asking. */
const GIVE_UP_AFTER_MS = 2 * 86_400_000;

export type ReconcileResult = { checked: number; completed: number; notFound: number; failed: number };

export async function reconcileCalls(
  deps: ReconcileDeps,
  { limit = 50, now = new Date() }: { limit?: number; now?: Date } = {},
): Promise<ReconcileResult> {
  const result: ReconcileResult = { checked: 0, completed: 0, notFound: 0, failed: 0 };
  if (!deps.vapi) return result;
  const dueBefore = new Date(now.getTime() - RECONCILE_AFTER_MS);
  // Platform code: one sweep across clinics, each call then written through its clinic's client.
  const due = await deps.rootDb.call.findMany({
    where: {
      reportedAt: null,
      createdAt: { lt: dueBefore, gt: new Date(now.getTime() - GIVE_UP_AFTER_MS) },
      OR: [{ reconciledAt: null }, { reconciledAt: { lt: dueBefore } }],
      clinic: { status: "active" },
    },
    select: { id: true, clinicId: true, vapiCallId: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  for (const call of due) {
    result.checked += 1;
    const db = deps.tenants.forTenant(call.clinicId);
    const asked = { reconciledAt: now };
    try {
      const found = (await deps.vapi.calls.get(
        { id: call.vapiCallId },
        { maxRetries: 1, timeoutInSeconds: 10 },
      )) as unknown as Record<string, unknown>;
      const facts = factsFromVapiCall(found, found.status === "ended");
      await transact(db, async (tx, emit) => {
        if (facts && facts.vapiCallId === call.vapiCallId) await applyCallFacts(tx, call.clinicId, facts, now, emit);
        await tx.call.update({ where: { id: call.id }, data: asked });
      });
      if (facts?.complete) result.completed += 1;
    } catch (error) {
      if (vapiStatus(error) === 404) result.notFound += 1;
      else result.failed += 1;
      // Asked either way: the next attempt waits a full interval instead of hammering Vapi.
      await db.call.update({ where: { id: call.id }, data: asked });
    }
  }
  return result;
}
