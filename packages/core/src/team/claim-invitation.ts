// Shared by accepting an invitation (signed in) and signing up with one.
import { hashSecret } from "../accounts/tokens";
import { unverified } from "../accounts/verified";
import { recordPlatformAudit } from "../audit";
import type { Prisma, RootDb } from "../db";
import { AppError } from "../errors";

const invitationUnusable = () =>
  new AppError(
    "BAD_REQUEST",
    "this invitation has expired, was revoked or was already used; ask the clinic for a new one",
  );

/**
 * Marks the invitation used, finds or creates the person (`userFor`, in the same transaction)
 * and adds the member, atomically: a link works exactly once, and only for an account whose
 * confirmed address is the invited one. Platform level: the person is
 * not a member yet, so there is no tenant client to act through.
 */
export async function claimInvitation(
  root: RootDb,
  token: string,
  ip: string | null,
  userFor: (
    tx: Prisma.TransactionClient,
    email: string,
  ) => Promise<{ id: string; email: string; emailVerifiedAt: Date | null }>,
) {
  return root.$transaction(async (tx) => {
    const [invitation] = await tx.invitation.updateManyAndReturn({
      where: {
        tokenHash: hashSecret(token),
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: new Date() },
        // Nobody joins a suspended or deleted clinic.
        clinic: { status: "active" },
      },
      data: { acceptedAt: new Date() },
    });
    if (!invitation) throw invitationUnusable();
    // A suspended or deleted clinic takes no one new.
    const clinic = await tx.clinic.findUnique({ where: { id: invitation.clinicId }, select: { status: true } });
    if (clinic?.status !== "active") throw invitationUnusable();
    const user = await userFor(tx, invitation.email);
    if (user.email !== invitation.email) {
      throw new AppError(
        "FORBIDDEN",
        `this invitation is for ${invitation.email}; sign in with that address to accept it`,
      );
    }
    // Anyone can sign up as any address; only its confirmed owner joins.
    if (!user.emailVerifiedAt) throw unverified();
    const already = await tx.membership.findUnique({
      where: { clinicId_userId: { clinicId: invitation.clinicId, userId: user.id } },
    });
    if (!already)
      await tx.membership.create({ data: { clinicId: invitation.clinicId, userId: user.id, role: invitation.role } });
    await recordPlatformAudit(
      tx,
      invitation.clinicId,
      { actor: { type: "user", userId: user.id }, ip },
      {
        action: "team.join",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { role: invitation.role },
      },
    );
    return { clinicId: invitation.clinicId, userId: user.id };
  });
}
