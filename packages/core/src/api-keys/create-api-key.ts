import type { z } from "zod";
import { hashSecret, newSecret } from "../accounts/tokens";
import { type ClinicOrigin, recordAudit } from "../audit";
import type { Role } from "../db";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { assertCan } from "../tenancy/permissions";
import { KEY_PREFIX } from "./key-format";
import { apiKeySelect } from "./list-api-keys";
import { createApiKeyInput } from "./schemas";

const rank: Record<Role, number> = { staff: 0, admin: 1, owner: 2 };

/**
 * A new key, capped at its creator's role, made by a signed-in member (never by a key, so a
 * leaked key cannot outlive its own revocation). The returned `key` is the only copy ever shown.
 */
export async function createApiKey(db: TenantDb, origin: ClinicOrigin, input: z.input<typeof createApiKeyInput>) {
  const { name, role, expiresAt } = createApiKeyInput.parse(input);
  assertCan(origin, "apiKeys:manage");
  if (origin.actor.type !== "user") throw new AppError("FORBIDDEN", "only a signed-in member can create API keys");
  const createdById = origin.actor.userId;
  if (rank[role] > rank[origin.role]) {
    throw new AppError("FORBIDDEN", `a ${origin.role} can create keys up to the ${origin.role} role`);
  }
  const secret = newSecret();
  const key = `${KEY_PREFIX}${secret.raw}`;
  const apiKey = await db.$transaction(async (tx) => {
    const apiKey = await tx.apiKey.create({
      data: {
        clinicId: db.clinicId,
        name,
        role,
        expiresAt,
        prefix: key.slice(0, KEY_PREFIX.length + 6),
        keyHash: hashSecret(key),
        createdById,
      },
      select: apiKeySelect,
    });
    await recordAudit(tx, origin, {
      action: "apiKey.create",
      targetType: "apiKey",
      targetId: apiKey.id,
      metadata: { name, role },
    });
    return apiKey;
  });
  return { apiKey, key };
}
