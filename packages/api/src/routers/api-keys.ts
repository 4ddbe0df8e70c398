import { createApiKey, createApiKeyInput, listApiKeys, revokeApiKey } from "@frontdesk/core";
import { z } from "zod";
import { orgProcedureWith, router } from "../trpc";

const apiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(["owner", "admin", "staff"]),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const apiKeysRouter = router({
  list: orgProcedureWith("apiKeys:manage")
    .output(z.array(apiKey))
    .query(({ ctx }) => listApiKeys(ctx.db)),

  create: orgProcedureWith("apiKeys:manage")
    .input(createApiKeyInput)
    .output(z.object({ apiKey, key: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const creator = { userId: ctx.actor.type === "user" ? ctx.actor.userId : null, role: ctx.org.role };
      const created = await createApiKey(ctx.db, creator, input);
      await ctx.audit({
        action: "apiKey.create",
        targetType: "apiKey",
        targetId: created.apiKey.id,
        metadata: { name: input.name, role: input.role },
      });
      return created; // the only time the full key is ever returned
    }),

  revoke: orgProcedureWith("apiKeys:manage")
    .input(z.object({ apiKeyId: z.uuid() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await revokeApiKey(ctx.db, input.apiKeyId);
      await ctx.audit({ action: "apiKey.revoke", targetType: "apiKey", targetId: input.apiKeyId });
      return { ok: true as const };
    }),
});
