// The append-only audit log: who (user or API key) did or looked at what, in which clinic,
// from where. Writes go through the tenant client, so an entry can only land in its own org.
import type { z } from "zod";
import type { Prisma, Role } from "../db";
import type { TenantDb, TenantTransaction } from "../tenancy";
import { listAuditInput } from "./schemas";

/** Who acts: a signed-in person, an integrator's API key, the voice agent on a call, or the platform. */
export type Actor =
  | { type: "user"; userId: string }
  | { type: "api_key"; apiKeyId: string; orgId: string; role: Role }
  | { type: "voice_agent"; callId: string | null }
  | { type: "system" };

/** Who can send a request: a person (session) or an API key. */
export type RequestActor = Extract<Actor, { type: "user" | "api_key" }>;

/**
 * Where a change comes from: passed into every core use case that changes clinic data, which
 * writes its audit row inside its own transaction (the row and the change commit together).
 */
export type Origin = { actor: Actor; ip: string | null };

export type AuditEntry = {
  action: string;
  targetType?: string;
  targetId?: string;
  metadata?: Prisma.InputJsonValue;
};

/** Writes one audit row; pass the use case's transaction so the row commits with the change. */
export async function recordAudit(db: TenantDb | TenantTransaction, { actor, ip }: Origin, entry: AuditEntry) {
  const callId = actor.type === "voice_agent" && actor.callId ? { callId: actor.callId } : {};
  await db.auditLog.create({
    // The tenant client stamps the org (a transaction of it too); without one the insert fails.
    data: {
      actorType: actor.type,
      actorUserId: actor.type === "user" ? actor.userId : null,
      apiKeyId: actor.type === "api_key" ? actor.apiKeyId : null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      metadata: { ...callId, ...((entry.metadata as object | undefined) ?? {}) },
      ip,
    } as Prisma.AuditLogUncheckedCreateInput,
  });
}

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
