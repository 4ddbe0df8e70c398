// Developer API keys: "fd_live_" + 32 random bytes. Shown once at creation; only a SHA-256
// hash is stored, with a short prefix so people can tell their keys apart.
import type { z } from "zod";
import { hashSecret, newSecret } from "../accounts/tokens";
import type { Actor } from "../audit";
import type { Role, RootDb } from "../db";
import { AppError } from "../errors";
import { enforce, limits } from "../rate-limit";
import type { TenantDb } from "../tenancy";
import { createApiKeyInput } from "./schemas";

const KEY_PREFIX = "fd_live_";
const rank: Record<Role, number> = { staff: 0, admin: 1, owner: 2 };

export const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

export async function createApiKey(
  db: TenantDb,
  creator: { userId: string | null; role: Role },
  input: z.input<typeof createApiKeyInput>,
) {
  const { name, role, expiresAt } = createApiKeyInput.parse(input);
  if (rank[role] > rank[creator.role]) {
    throw new AppError("FORBIDDEN", `a ${creator.role} can create keys up to the ${creator.role} role`);
  }
  const secret = newSecret();
  const key = `${KEY_PREFIX}${secret.raw}`;
  const apiKey = await db.apiKey.create({
    data: {
      orgId: db.orgId,
      name,
      role,
      expiresAt,
      prefix: key.slice(0, KEY_PREFIX.length + 6),
      keyHash: hashSecret(key),
      createdById: creator.userId,
    },
    select: apiKeySelect,
  });
  return { apiKey, key };
}

export const listApiKeys = (db: TenantDb) =>
  db.apiKey.findMany({ select: apiKeySelect, orderBy: { createdAt: "desc" } });

export async function revokeApiKey(db: TenantDb, id: string) {
  const { count } = await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new AppError("NOT_FOUND", "API key not found or already revoked");
}

const USE_RECORD_INTERVAL_MS = 60_000;

/**
 * The actor behind an `Authorization: Bearer` key, or UNAUTHORIZED. Counts against the key's
 * rate limit. `lastUsedAt` (and an `apiKey.use` audit entry) is written at most once a minute.
 */
export async function authenticateApiKey(root: RootDb, rawKey: string, meta: { ip: string | null }): Promise<Actor> {
  const denied = new AppError("UNAUTHORIZED", "invalid API key; create one under Settings → API keys");
  if (!rawKey.startsWith(KEY_PREFIX)) throw denied;
  const key = await root.apiKey.findUnique({
    where: { keyHash: hashSecret(rawKey) },
    include: { org: { select: { status: true } } },
  });
  if (!key || key.org.status === "deleted") throw denied;
  if (key.revokedAt) throw new AppError("UNAUTHORIZED", "this API key was revoked; create a new one");
  if (key.expiresAt && key.expiresAt <= new Date())
    throw new AppError("UNAUTHORIZED", "this API key has expired; create a new one");
  await enforce(root, `apikey:${key.id}`, limits.apiKeyPerMinute, "requests with this API key");
  const now = new Date();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > USE_RECORD_INTERVAL_MS) {
    await root.$transaction([
      root.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } }),
      root.auditLog.create({
        data: {
          orgId: key.orgId,
          actorType: "api_key",
          apiKeyId: key.id,
          action: "apiKey.use",
          targetType: "apiKey",
          targetId: key.id,
          ip: meta.ip,
        },
      }),
    ]);
  }
  return { type: "api_key", apiKeyId: key.id, orgId: key.orgId, role: key.role };
}
