import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { revokeApiKeyInput } from "./schemas";

export async function revokeApiKey(db: TenantDb, origin: Origin, input: z.input<typeof revokeApiKeyInput>) {
  const { apiKeyId } = revokeApiKeyInput.parse(input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id: apiKeyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "API key not found or already revoked");
    await recordAudit(tx, origin, { action: "apiKey.revoke", targetType: "apiKey", targetId: apiKeyId });
  });
}
