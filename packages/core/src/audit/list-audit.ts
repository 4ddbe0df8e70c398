import type { z } from "zod";
import type { TenantDb } from "../tenancy";
import { listAuditInput } from "./schemas";

/** Newest first, keyset-paginated (UUIDv7 ids sort by time). */
export async function listAudit(db: TenantDb, input: z.input<typeof listAuditInput>) {
  const { action, actorUserId, apiKeyId, from, to, cursor, limit } = listAuditInput.parse(input);
  const rows = await db.auditLog.findMany({
    where: {
      action: action ? { startsWith: action } : undefined,
      actorUserId,
      apiKeyId,
      createdAt: from || to ? { gte: from, lt: to } : undefined,
      id: cursor ? { lt: cursor } : undefined,
    },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const userIds = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is string => Boolean(id)))];
  const members = await db.membership.findMany({
    where: { userId: { in: userIds } },
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  const names = new Map(members.map((m) => [m.userId, m.user.name ?? m.user.email]));
  const page = rows
    .slice(0, limit)
    .map((r) => ({ ...r, actorName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null }));
  return { items: page, nextCursor: rows.length > limit ? page.at(-1)?.id : undefined };
}
