import { listCredentials, removeCredential, setTwilioCredentials } from "@frontdesk/core";
import { credentialSchema, removeCredentialInput, twilioCredentialsInput } from "@frontdesk/core/schemas";
import { z } from "zod";
import { clinicProcedureWith, okOutput, router } from "../trpc";

const manage = clinicProcedureWith("credentials:manage");

export const credentialsRouter = router({
  list: manage.output(z.array(credentialSchema)).query(({ ctx }) => listCredentials(ctx.db)),

  setTwilio: manage
    .input(twilioCredentialsInput)
    .output(credentialSchema)
    .mutation(({ ctx, input }) => setTwilioCredentials(ctx.db, ctx.origin, input, ctx.keyring)),

  remove: manage
    .input(removeCredentialInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await removeCredential(ctx.db, ctx.origin, input);
      return { ok: true as const };
    }),
});
