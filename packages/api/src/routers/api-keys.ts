import { createApiKey, listApiKeys, revokeApiKey } from "@frontdesk/core";
import { apiKeySchema, createApiKeyInput, createdApiKeySchema, revokeApiKeyInput } from "@frontdesk/core/schemas";
import { z } from "zod";
import { clinicProcedureWith, okOutput, router } from "../trpc";

const manage = clinicProcedureWith("apiKeys:manage");

export const apiKeysRouter = router({
  list: manage.output(z.array(apiKeySchema)).query(({ ctx }) => listApiKeys(ctx.db)),

  create: manage
    .input(createApiKeyInput)
    .output(createdApiKeySchema)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.origin, input)),

  revoke: manage
    .input(revokeApiKeyInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await revokeApiKey(ctx.db, ctx.origin, input);
      return { ok: true as const };
    }),
});
