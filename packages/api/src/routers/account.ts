import {
  acceptInvitation,
  createOrg,
  describeInvitation,
  listMyOrgs,
  requestPasswordReset,
  resetPassword,
  signUp,
  signUpWithInvitation,
} from "@frontdesk/core";
import {
  accountSchema,
  clinicSummarySchema,
  createClinicInput,
  invitationPreviewSchema,
  invitationTokenInput,
  joinedClinicSchema,
  requestPasswordResetInput,
  resetPasswordInput,
  signUpInput,
  signUpWithInvitationInput,
} from "@frontdesk/core/schemas";
import { z } from "zod";
import { publicProcedure, router, userProcedure } from "../trpc";

export const accountRouter = router({
  signUp: publicProcedure
    .input(signUpInput)
    .output(joinedClinicSchema)
    .mutation(({ ctx, input }) => signUp(ctx.rootDb, input, { ip: ctx.ip })),

  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .output(z.object({ sent: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.rootDb, ctx.mailer, ctx.appUrl, input);
      return { sent: true as const }; // the same answer whether or not the account exists
    }),

  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.rootDb, input);
      return { ok: true as const };
    }),

  invitation: publicProcedure
    .input(invitationTokenInput)
    .output(invitationPreviewSchema.nullable())
    .query(({ ctx, input }) => describeInvitation(ctx.rootDb, input.token)),

  signUpWithInvitation: publicProcedure
    .input(signUpWithInvitationInput)
    .output(joinedClinicSchema)
    .mutation(({ ctx, input }) => signUpWithInvitation(ctx.rootDb, input)),

  acceptInvitation: userProcedure
    .input(invitationTokenInput)
    .output(joinedClinicSchema)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.rootDb, ctx.actor.userId, input.token)),

  me: userProcedure.output(accountSchema).query(({ ctx }) =>
    ctx.rootDb.user.findUniqueOrThrow({
      where: { id: ctx.actor.userId },
      select: { id: true, email: true, name: true },
    }),
  ),

  clinics: userProcedure
    .output(z.array(clinicSummarySchema))
    .query(({ ctx }) => listMyOrgs(ctx.rootDb, ctx.actor.userId)),

  createClinic: userProcedure
    .input(createClinicInput)
    .output(z.object({ id: z.string(), name: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const org = await createOrg(ctx.rootDb, ctx.actor.userId, input, ctx.ip);
      return { id: org.id, name: org.name };
    }),
});
