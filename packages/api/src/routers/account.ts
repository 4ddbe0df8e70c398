import {
  acceptInvitation,
  createOrg,
  createOrgInput,
  describeInvitation,
  listMyOrgs,
  requestPasswordReset,
  resetPassword,
  resetPasswordInput,
  signUp,
  signUpInput,
  signUpWithInvitation,
  signUpWithInvitationInput,
} from "@frontdesk/core";
import { z } from "zod";
import { publicProcedure, router, userProcedure } from "../trpc";

const clinicSummary = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  status: z.enum(["active", "suspended", "deleted"]),
  role: z.enum(["owner", "admin", "staff"]),
});

export const accountRouter = router({
  signUp: publicProcedure
    .input(signUpInput)
    .output(z.object({ userId: z.string(), orgId: z.string() }))
    .mutation(({ ctx, input }) => signUp(ctx.rootDb, input, { ip: ctx.ip })),

  requestPasswordReset: publicProcedure
    .input(z.object({ email: z.string().max(254) }))
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
    .input(z.object({ token: z.string().max(200) }))
    .output(z.object({ email: z.string(), role: z.string(), clinicName: z.string(), usable: z.boolean() }).nullable())
    .query(({ ctx, input }) => describeInvitation(ctx.rootDb, input.token)),

  signUpWithInvitation: publicProcedure
    .input(signUpWithInvitationInput)
    .output(z.object({ orgId: z.string(), userId: z.string() }))
    .mutation(({ ctx, input }) => signUpWithInvitation(ctx.rootDb, input)),

  acceptInvitation: userProcedure
    .input(z.object({ token: z.string().max(200) }))
    .output(z.object({ orgId: z.string(), userId: z.string() }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx.rootDb, ctx.actor.userId, input.token)),

  me: userProcedure
    .output(z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }))
    .query(({ ctx }) =>
      ctx.rootDb.user.findUniqueOrThrow({
        where: { id: ctx.actor.userId },
        select: { id: true, email: true, name: true },
      }),
    ),

  clinics: userProcedure.output(z.array(clinicSummary)).query(({ ctx }) => listMyOrgs(ctx.rootDb, ctx.actor.userId)),

  createClinic: userProcedure
    .input(createOrgInput)
    .output(z.object({ id: z.string(), name: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const org = await createOrg(ctx.rootDb, ctx.actor.userId, input, ctx.ip);
      return { id: org.id, name: org.name };
    }),
});
