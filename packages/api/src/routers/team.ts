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
import { orgProcedureWith, router } from "../trpc";

export const teamRouter = router({
  members: orgProcedureWith("team:read")
    .output(z.array(memberSchema))
    .query(({ ctx }) => listMembers(ctx.db)),

  invitations: orgProcedureWith("team:manage")
    .output(z.array(invitationSchema))
    .query(({ ctx }) => listInvitations(ctx.db)),

  invite: orgProcedureWith("team:manage")
    .input(inviteInput)
    .output(sentInvitationSchema)
    .mutation(async ({ ctx, input }) => {
      const inviter = { userId: ctx.actor.type === "user" ? ctx.actor.userId : null, role: ctx.org.role };
      const result = await inviteMember(ctx.db, inviter, ctx.mailer, ctx.appUrl, input);
      await ctx.audit({
        action: "team.invite",
        targetType: "invitation",
        targetId: result.invitation.id,
        metadata: { email: input.email, role: input.role },
      });
      return result;
    }),

  revokeInvitation: orgProcedureWith("team:manage")
    .input(revokeInvitationInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.db, input.invitationId);
      await ctx.audit({ action: "team.revokeInvitation", targetType: "invitation", targetId: input.invitationId });
      return { ok: true as const };
    }),

  changeRole: orgProcedureWith("team:manage")
    .input(changeRoleInput)
    .output(memberSchema)
    .mutation(async ({ ctx, input }) => {
      const updated = await changeRole(ctx.db, ctx.org.role, input.membershipId, input.role);
      await ctx.audit({
        action: "team.changeRole",
        targetType: "membership",
        targetId: input.membershipId,
        metadata: { role: input.role },
      });
      return updated;
    }),

  removeMember: orgProcedureWith("team:manage")
    .input(removeMemberInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx.db, ctx.org.role, input.membershipId);
      await ctx.audit({ action: "team.remove", targetType: "membership", targetId: input.membershipId });
      return { ok: true as const };
    }),
});
