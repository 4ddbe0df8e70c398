import {
  changeRole,
  inviteInput,
  inviteMember,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
  roleSchema,
} from "@frontdesk/core";
import { z } from "zod";
import { orgProcedureWith, router } from "../trpc";

const member = z.object({
  id: z.string(),
  userId: z.string(),
  role: roleSchema,
  createdAt: z.date(),
  user: z.object({ name: z.string().nullable(), email: z.string() }),
});
const invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  expiresAt: z.date(),
  acceptedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const teamRouter = router({
  members: orgProcedureWith("team:read")
    .output(z.array(member))
    .query(({ ctx }) => listMembers(ctx.db)),

  invitations: orgProcedureWith("team:manage")
    .output(z.array(invitation))
    .query(({ ctx }) => listInvitations(ctx.db)),

  invite: orgProcedureWith("team:manage")
    .input(inviteInput)
    .output(z.object({ invitation, link: z.string() }))
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
    .input(z.object({ invitationId: z.uuid() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.db, input.invitationId);
      await ctx.audit({ action: "team.revokeInvitation", targetType: "invitation", targetId: input.invitationId });
      return { ok: true as const };
    }),

  changeRole: orgProcedureWith("team:manage")
    .input(z.object({ membershipId: z.uuid(), role: roleSchema }))
    .output(member)
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
    .input(z.object({ membershipId: z.uuid() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx.db, ctx.org.role, input.membershipId);
      await ctx.audit({ action: "team.remove", targetType: "membership", targetId: input.membershipId });
      return { ok: true as const };
    }),
});
