import { createApiKey, listApiKeys, revokeApiKey } from "@frontdesk/core";
import { apiKeySchema, createApiKeyInput, createdApiKeySchema, revokeApiKeyInput } from "@frontdesk/core/schemas";
import { z } from "zod";
import { orgProcedureWith, router } from "../trpc";

export const apiKeysRouter = router({
  list: orgProcedureWith("apiKeys:manage")
    .output(z.array(apiKeySchema))
    .query(({ ctx }) => listApiKeys(ctx.db)),

  create: orgProcedureWith("apiKeys:manage")
    .input(createApiKeyInput)
    .output(createdApiKeySchema)
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
    .input(revokeApiKeyInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await revokeApiKey(ctx.db, input.apiKeyId);
      await ctx.audit({ action: "apiKey.revoke", targetType: "apiKey", targetId: input.apiKeyId });
      return { ok: true as const };
    }),
});
