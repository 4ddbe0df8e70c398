// The append-only audit log: who (a person, an API key, the voice agent, the platform) did or
// looked at what, in which clinic, from where. Every use case that changes clinic data writes
// its row here, inside its own transaction, so the change and its record commit together.
import { Prisma, type Role, uuidv7 } from "../db";
import type { TenantDb, TenantTransaction } from "../tenancy";

/** Who acts: a signed-in person, an integrator's API key, the voice agent on a call, or the platform. */
export type Actor =
  | { type: "user"; userId: string }
  | { type: "api_key"; apiKeyId: string; clinicId: string; role: Role }
  | { type: "voice_agent"; callId: string | null }
  | { type: "system" };

export type UserActor = Extract<Actor, { type: "user" }>;

/** Who can send a request: a person (session) or an API key. */
export type RequestActor = Extract<Actor, { type: "user" | "api_key" }>;

/**
 * Where a change comes from: passed into every core use case that changes clinic data, which
 * writes its audit row inside its own transaction (the row and the change commit together).
 */
export type Origin<A extends Actor = Actor> = { actor: A; ip: string | null };

/** An origin inside a clinic: the actor's role there decides what they may do. */
export type ClinicOrigin = Origin & { role: Role };

export type AuditEntry = {
  action: string;
  targetType?: string;
  targetId?: string;
  metadata?: Prisma.InputJsonValue;
};

/** Writes one audit row; pass the use case's transaction so the row commits with the change. */
export async function recordAudit(db: TenantDb | TenantTransaction, origin: Origin, entry: AuditEntry) {
  // The tenant client stamps the clinic (a transaction of it too); without one the insert fails.
  await db.auditLog.create({ data: auditRow(origin, entry) as Prisma.AuditLogUncheckedCreateInput });
}

/**
 * The same row from platform code acting for a clinic it has no tenant client for yet (a clinic
 * being created, a person joining one): it passes its root transaction and names the clinic.
 */
export async function recordPlatformAudit(
  tx: Prisma.TransactionClient,
  clinicId: string,
  origin: Origin,
  entry: AuditEntry,
) {
  await tx.auditLog.create({ data: { ...auditRow(origin, entry), clinicId } });
}

/**
 * The same row as part of a use case that writes its whole change in one statement:
 * `INSERT … SELECT … FROM ${source}` writes it only when `source` (the change's own new row)
 * has one, so a write that matched nothing leaves no record either.
 */
export function auditInsert(clinicId: string, origin: Origin, entry: AuditEntry, source: Prisma.Sql) {
  const row = auditRow(origin, entry);
  return Prisma.sql`
    INSERT INTO audit_logs (id, "clinicId", "actorType", "actorUserId", "apiKeyId", action, "targetType", "targetId", metadata, ip)
    SELECT ${uuidv7()}::uuid, ${clinicId}::uuid, ${row.actorType}::"ActorType", ${row.actorUserId}::uuid,
           ${row.apiKeyId}::uuid, ${row.action}, ${row.targetType ?? null}, ${row.targetId ?? null},
           ${JSON.stringify(row.metadata)}::jsonb, ${row.ip}
      FROM ${source}`;
}

function auditRow({ actor, ip }: Origin, entry: AuditEntry) {
  const callId = actor.type === "voice_agent" && actor.callId ? { callId: actor.callId } : {};
  return {
    actorType: actor.type,
    actorUserId: actor.type === "user" ? actor.userId : null,
    apiKeyId: actor.type === "api_key" ? actor.apiKeyId : null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    metadata: { ...callId, ...((entry.metadata as object | undefined) ?? {}) },
    ip,
  };
}
