import { listCredentials, removeCredential, setTwilioCredentials } from "@frontdesk/core/credentials";
import { credentialSchema, removeCredentialInput, twilioCredentialsInput } from "@frontdesk/core/schemas";
import { z } from "zod";
import { orgProcedureWith, router } from "../trpc";

const manage = orgProcedureWith("credentials:manage");

export const credentialsRouter = router({
  list: manage.output(z.array(credentialSchema)).query(({ ctx }) => listCredentials(ctx.db)),
  setTwilio: manage
    .input(twilioCredentialsInput)
    .output(credentialSchema)
    .mutation(async ({ ctx, input }) => {
      const saved = await setTwilioCredentials(ctx.db, ctx.keyring, input);
      await ctx.audit({
        action: "credentials.set",
        targetType: "credential",
        targetId: saved.id,
        metadata: { kind: "twilio" },
      });
      return saved;
    }),
  remove: manage
    .input(removeCredentialInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await removeCredential(ctx.db, input.credentialId);
      await ctx.audit({ action: "credentials.remove", targetType: "credential", targetId: input.credentialId });
      return { ok: true as const };
    }),
});
