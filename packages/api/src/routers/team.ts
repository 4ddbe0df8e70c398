import {
  changeRole,
  inviteMember,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
} from "@frontdesk/core";
import {
  changeRoleInput,
  invitationSchema,
  inviteInput,
  memberSchema,
  removeMemberInput,
  revokeInvitationInput,
  sentInvitationSchema,
} from "@frontdesk/core/schemas";
import { z } from "zod";
import { clinicProcedureWith, okOutput, router } from "../trpc";

const manage = clinicProcedureWith("team:manage");

export const teamRouter = router({
  members: clinicProcedureWith("team:read")
    .output(z.array(memberSchema))
    .query(({ ctx }) => listMembers(ctx.db)),

  invitations: manage.output(z.array(invitationSchema)).query(({ ctx }) => listInvitations(ctx.db)),

  invite: manage
    .input(inviteInput)
    .output(sentInvitationSchema)
    .mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.origin, input, { mailer: ctx.mailer, appUrl: ctx.appUrl })),

  revokeInvitation: manage
    .input(revokeInvitationInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.db, ctx.origin, input);
      return { ok: true as const };
    }),

  changeRole: manage
    .input(changeRoleInput)
    .output(memberSchema)
    .mutation(({ ctx, input }) => changeRole(ctx.db, ctx.origin, input)),

  removeMember: manage
    .input(removeMemberInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx.db, ctx.origin, input);
      return { ok: true as const };
    }),
});
