import {
  listCredentials,
  removeCredential,
  setTwilioCredentials,
  twilioCredentialsInput,
} from "@frontdesk/core/credentials";
import { z } from "zod";
import { orgProcedureWith, router } from "../trpc";

const credential = z.object({
  id: z.string(),
  kind: z.enum(["twilio", "google"]),
  label: z.string(),
  publicData: z.unknown(),
  keyId: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const manage = orgProcedureWith("credentials:manage");

export const credentialsRouter = router({
  list: manage.output(z.array(credential)).query(({ ctx }) => listCredentials(ctx.db)),
  setTwilio: manage
    .input(twilioCredentialsInput)
    .output(credential)
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
    .input(z.object({ credentialId: z.uuid() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await removeCredential(ctx.db, input.credentialId);
      await ctx.audit({ action: "credentials.remove", targetType: "credential", targetId: input.credentialId });
      return { ok: true as const };
    }),
});
