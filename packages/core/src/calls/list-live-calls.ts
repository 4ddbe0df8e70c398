import { type Origin, recordAudit } from "../audit";
import type { TenantDb } from "../tenancy";
import type { Turn } from "./call-facts";
import { callRowSelect, withCost } from "./select";

/** A call with no end this long after it began lost its messages; it is not "in progress". */
const STALE_MS = 2 * 3_600_000;
const RECENT = 5;
const LINES = 40;

/**
 * The dashboard's live view: calls in progress with what has been said so far, and the latest
 * finished calls with their outcome. Showing a transcript is a PHI read, audited like the call
 * page's (once per call in progress per read; the lines that follow arrive as live events).
 */
export async function listLiveCalls(db: TenantDb, origin: Origin, now = new Date()) {
  return db.$transaction(async (tx) => {
    const active = await tx.call.findMany({
      where: { status: { not: "ended" }, createdAt: { gte: new Date(now.getTime() - STALE_MS) } },
      select: { ...callRowSelect, messages: true },
      orderBy: { id: "asc" },
      take: 20,
    });
    const recent = await tx.call.findMany({
      where: { status: "ended" },
      select: callRowSelect,
      orderBy: { id: "desc" },
      take: RECENT,
    });
    for (const call of active) {
      await recordAudit(tx, origin, { action: "call.view", targetType: "call", targetId: call.id });
    }
    return {
      active: active.map(({ messages, ...call }) => ({
        ...withCost(call),
        lines: ((messages as Turn[] | null) ?? [])
          .filter((turn): turn is Turn & { role: "user" | "assistant" } => turn.role !== "tool")
          .slice(-LINES)
          .map(({ role, text, at }) => ({ role, text, at })),
      })),
      recent: recent.map(withCost),
    };
  });
}
