// The append-only audit log: who (user or API key) did or looked at what, in which clinic,
// from where. Writes go through the tenant client, so an entry can only land in its own org.
import { z } from "zod";
import type { Prisma } from "../db";
import type { TenantDb } from "../tenancy";

export type Actor =
  | { type: "user"; userId: string }
  | { type: "api_key"; apiKeyId: string; orgId: string; role: "owner" | "admin" | "staff" }
  | { type: "system" };

export type AuditEntry = {
  action: string;
  targetType?: string;
  targetId?: string;
  metadata?: Prisma.InputJsonValue;
};

export async function recordAudit(db: TenantDb, actor: Actor, ip: string | null, entry: AuditEntry) {
  await db.auditLog.create({
    data: {
      orgId: db.orgId,
      actorType: actor.type,
      actorUserId: actor.type === "user" ? actor.userId : null,
      apiKeyId: actor.type === "api_key" ? actor.apiKeyId : null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      metadata: entry.metadata ?? {},
      ip,
    },
  });
}

export const listAuditInput = z.object({
  action: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
  apiKeyId: z.uuid().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const auditRow = z.object({
  id: z.string(),
  actorType: z.enum(["user", "api_key", "system"]),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  apiKeyId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  metadata: z.unknown(),
  ip: z.string().nullable(),
  createdAt: z.date(),
});

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
