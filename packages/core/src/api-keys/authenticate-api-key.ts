import { hashSecret } from "../accounts/tokens";
import { type Actor, recordPlatformAudit } from "../audit";
import type { RootDb } from "../db";
import { AppError } from "../errors";
import { KEY_PREFIX } from "./key-format";

const USE_RECORD_INTERVAL_MS = 60_000;

/**
 * The actor behind an `Authorization: Bearer` key: UNAUTHORIZED when unknown, revoked, expired
 * or its clinic deleted, FORBIDDEN while its clinic is suspended. Its calls are counted by `countCalls`. `lastUsedAt` (and an `apiKey.use` audit entry) is written at most once a minute.
 */
export async function authenticateApiKey(root: RootDb, rawKey: string, meta: { ip: string | null }): Promise<Actor> {
  const denied = new AppError("UNAUTHORIZED", "invalid API key; create one under Settings → API keys");
  if (!rawKey.startsWith(KEY_PREFIX)) throw denied;
  const key = await root.apiKey.findUnique({
    where: { keyHash: hashSecret(rawKey) },
    include: { clinic: { select: { status: true } } },
  });
  if (!key || key.clinic.status === "deleted") throw denied;
  if (key.revokedAt) throw new AppError("UNAUTHORIZED", "this API key was revoked; create a new one");
  if (key.expiresAt && key.expiresAt <= new Date())
    throw new AppError("UNAUTHORIZED", "this API key has expired; create a new one");
  // The same answer a member's session gets (resolveClinicAccess).
  if (key.clinic.status !== "active")
    throw new AppError("FORBIDDEN", "this clinic is suspended; contact Frontdesk support to restore it");
  const actor = { type: "api_key", apiKeyId: key.id, clinicId: key.clinicId, role: key.role } as const;
  const now = new Date();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > USE_RECORD_INTERVAL_MS) {
    await root.$transaction(async (tx) => {
      await tx.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
      await recordPlatformAudit(
        tx,
        key.clinicId,
        { actor, ip: meta.ip },
        { action: "apiKey.use", targetType: "apiKey", targetId: key.id },
      );
    });
  }
  return actor;
}
