import type { z } from "zod";
import type { TenantDb } from "../tenancy";
import { listCallsInput } from "./schemas";
import { callRowSelect, withCost } from "./select";

/** The clinic's calls, newest first, keyset-paginated (UUIDv7 ids sort by time). */
export async function listCalls(db: TenantDb, raw: z.input<typeof listCallsInput>) {
  const { from, to, outcome, assistantId, phoneNumberId, cursor, limit } = listCallsInput.parse(raw);
  const rows = await db.call.findMany({
    where: {
      outcome,
      assistantId,
      phoneNumberId,
      createdAt: from || to ? { gte: from, lt: to } : undefined,
      id: cursor ? { lt: cursor } : undefined,
    },
    select: callRowSelect,
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const items = rows.slice(0, limit).map(withCost);
  return { items, nextCursor: rows.length > limit ? items.at(-1)?.id : undefined };
}
