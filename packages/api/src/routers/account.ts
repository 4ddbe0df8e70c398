// Account-level actions: no clinic chosen yet (signing up and confirming the address,
// resetting a password, ending sessions, joining or creating a clinic, listing one's clinics).
import {
  acceptInvitation,
  createClinic,
  describeInvitation,
  getAccount,
  listMyClinics,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signOutEverywhere,
  signUp,
  signUpWithInvitation,
  verifyEmail,
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
  signedUpSchema,
  signUpInput,
  signUpWithInvitationInput,
  verifiedEmailSchema,
  verifyEmailInput,
} from "@frontdesk/core/schemas";
import { z } from "zod";
import { okOutput, publicProcedure, router, userProcedure } from "../trpc";

export const accountRouter = router({
  signUp: publicProcedure
    .input(signUpInput)
    .output(signedUpSchema)
    .mutation(({ ctx, input }) =>
      signUp(ctx.rootDb, input, { mailer: ctx.mailer, appUrl: ctx.appUrl }, { ip: ctx.ip }),
    ),

  /** The emailed link, opened signed in to the account it belongs to; creates the sign-up's clinic. */
  verifyEmail: userProcedure
    .input(verifyEmailInput)
    .output(verifiedEmailSchema)
    .mutation(({ ctx, input }) => verifyEmail(ctx.rootDb, ctx.origin, input)),

  resendVerification: userProcedure.output(z.object({ sent: z.literal(true) })).mutation(async ({ ctx }) => {
    await resendVerification(ctx.rootDb, ctx.origin, { mailer: ctx.mailer, appUrl: ctx.appUrl });
    return { sent: true as const };
  }),

  /** Ends every session of the account, this one included. */
  signOutEverywhere: userProcedure.output(okOutput).mutation(async ({ ctx }) => {
    await signOutEverywhere(ctx.rootDb, ctx.origin);
    return { ok: true as const };
  }),

  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .output(z.object({ sent: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.rootDb, input, { mailer: ctx.mailer, appUrl: ctx.appUrl }, { ip: ctx.ip });
      return { sent: true as const }; // the same answer whether or not the account exists
    }),

  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.rootDb, input, { ip: ctx.ip });
      return { ok: true as const };
    }),

  invitation: publicProcedure
    .input(invitationTokenInput)
    .output(invitationPreviewSchema.nullable())
    .query(({ ctx, input }) => describeInvitation(ctx.rootDb, input.token)),

  signUpWithInvitation: publicProcedure
    .input(signUpWithInvitationInput)
    .output(joinedClinicSchema)
    .mutation(({ ctx, input }) => signUpWithInvitation(ctx.rootDb, input, { ip: ctx.ip })),

  acceptInvitation: userProcedure
    .input(invitationTokenInput)
    .output(joinedClinicSchema)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.rootDb, ctx.origin, input)),

  me: userProcedure.output(accountSchema).query(({ ctx }) => getAccount(ctx.rootDb, ctx.actor.userId)),

  clinics: userProcedure
    .output(z.array(clinicSummarySchema))
    .query(({ ctx }) => listMyClinics(ctx.rootDb, ctx.actor.userId)),

  createClinic: userProcedure
    .input(createClinicInput)
    .output(z.object({ id: z.string(), name: z.string() }))
    .mutation(({ ctx, input }) => createClinic(ctx.rootDb, ctx.origin, input)),
});
