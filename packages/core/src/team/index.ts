import type { z } from "zod";
import { hashSecret, newSecret } from "../accounts/tokens";
import { hashPassword } from "../auth/password";
import type { Role, RootDb } from "../db";
import type { Mailer } from "../email";
import { AppError } from "../errors";
import type { TenantDb, TenantTransaction } from "../tenancy";
import { assertCan } from "../tenancy/permissions";
import { inviteInput, signUpWithInvitationInput } from "./schemas";

const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export const memberSelect = {
  id: true,
  userId: true,
  role: true,
  createdAt: true,
  user: { select: { name: true, email: true } },
} as const;

export const listMembers = (db: TenantDb) =>
  db.membership.findMany({ select: memberSelect, orderBy: { createdAt: "asc" } });

export async function inviteMember(
  db: TenantDb,
  inviter: { userId: string | null; role: Role },
  mailer: Mailer,
  appUrl: string,
  input: z.input<typeof inviteInput>,
) {
  const { email, role } = inviteInput.parse(input);
  if (role === "owner") assertCan(inviter.role, "owners:manage");
  const existing = await db.membership.findFirst({ where: { user: { email } }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `${email} is already a member of this clinic`);
  const token = newSecret();
  const [clinic, invitation] = await db.$transaction(async (tx) => {
    // A new invitation replaces any pending one for the same address.
    await tx.invitation.updateMany({
      where: { email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const invitation = await tx.invitation.create({
      data: {
        orgId: db.orgId,
        email,
        role,
        tokenHash: token.hash,
        invitedById: inviter.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
      select: invitationSelect,
    });
    return [await tx.organization.findFirstOrThrow({ select: { name: true } }), invitation] as const;
  });
  const link = new URL(`/invite/${token.raw}`, appUrl).toString();
  await mailer.send({
    to: email,
    subject: `You're invited to ${clinic.name} on Frontdesk`,
    text: `You've been invited to join ${clinic.name} on Frontdesk as ${role}.\n\nAccept here (valid for 7 days, once): ${link}`,
  });
  return { invitation, link };
}

export const invitationSelect = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

export const listInvitations = (db: TenantDb) =>
  db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: invitationSelect,
    orderBy: { createdAt: "desc" },
  });

export async function revokeInvitation(db: TenantDb, id: string) {
  const { count } = await db.invitation.updateMany({
    where: { id, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "invitation not found or no longer pending");
}

/** What the invite page shows before accepting (platform: the token is the credential). */
export async function describeInvitation(root: RootDb, token: string) {
  const invitation = await root.invitation.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      org: { select: { name: true } },
    },
  });
  if (!invitation) return null;
  const usable = !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt > new Date();
  return { email: invitation.email, role: invitation.role, clinicName: invitation.org.name, usable };
}

const invitationUnusable = () =>
  new AppError(
    "BAD_REQUEST",
    "this invitation has expired, was revoked or was already used; ask the clinic for a new one",
  );

/** Marks the invitation used and adds the member, atomically: a link works exactly once. */
async function claimInvitation(
  root: RootDb,
  token: string,
  userFor: (email: string) => Promise<{ id: string; email: string }>,
) {
  return root.$transaction(async (tx) => {
    const [invitation] = await tx.invitation.updateManyAndReturn({
      where: { tokenHash: hashSecret(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (!invitation) throw invitationUnusable();
    const user = await userFor(invitation.email);
    if (user.email !== invitation.email) {
      throw new AppError(
        "FORBIDDEN",
        `this invitation is for ${invitation.email}; sign in with that address to accept it`,
      );
    }
    const already = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: invitation.orgId, userId: user.id } },
    });
    if (!already)
      await tx.membership.create({ data: { orgId: invitation.orgId, userId: user.id, role: invitation.role } });
    await tx.auditLog.create({
      data: {
        orgId: invitation.orgId,
        actorType: "user",
        actorUserId: user.id,
        action: "team.join",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { role: invitation.role },
      },
    });
    return { orgId: invitation.orgId, userId: user.id };
  });
}

export async function acceptInvitation(root: RootDb, userId: string, token: string) {
  const user = await root.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
  return claimInvitation(root, token, async () => user);
}

/** A new account for an invited address, joining the clinic in the same transaction. */
export async function signUpWithInvitation(root: RootDb, input: z.input<typeof signUpWithInvitationInput>) {
  const { token, name, password } = signUpWithInvitationInput.parse(input);
  const passwordHash = await hashPassword(password);
  return claimInvitation(root, token, async (email) => {
    if (await root.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `${email} already has an account; sign in to accept the invitation`);
    }
    return root.user.create({ data: { email, name, passwordHash }, select: { id: true, email: true } });
  });
}

/** Owners, locked for the rest of the transaction so two concurrent changes can't both pass. */
async function lockedOwnerCount(tx: TenantTransaction) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM memberships WHERE role = 'owner' FOR UPDATE`;
  return rows.length;
}

const lastOwner = () => new AppError("CONFLICT", "a clinic needs at least one owner; make someone else owner first");

export async function changeRole(db: TenantDb, actorRole: Role, membershipId: string, role: Role) {
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findUnique({ where: { id: membershipId } });
    if (!member) throw new AppError("NOT_FOUND", "member not found");
    if (member.role === "owner" || role === "owner") assertCan(actorRole, "owners:manage");
    if (member.role === "owner" && role !== "owner" && (await lockedOwnerCount(tx)) <= 1) throw lastOwner();
    return tx.membership.update({ where: { id: membershipId }, data: { role }, select: memberSelect });
  });
}

export async function removeMember(db: TenantDb, actorRole: Role, membershipId: string) {
  await db.$transaction(async (tx) => {
    const member = await tx.membership.findUnique({ where: { id: membershipId } });
    if (!member) throw new AppError("NOT_FOUND", "member not found");
    if (member.role === "owner") {
      assertCan(actorRole, "owners:manage");
      if ((await lockedOwnerCount(tx)) <= 1) throw lastOwner();
    }
    await tx.membership.delete({ where: { id: membershipId } });
  });
}

export async function leaveClinic(db: TenantDb, userId: string) {
  await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { userId } });
    if (!member) throw new AppError("NOT_FOUND", "you are not a member of this clinic");
    if (member.role === "owner" && (await lockedOwnerCount(tx)) <= 1) {
      throw new AppError("CONFLICT", "you are the clinic's last owner; make someone else owner before leaving");
    }
    await tx.membership.delete({ where: { id: member.id } });
  });
}
