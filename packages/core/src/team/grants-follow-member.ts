import { keysFollowCreator } from "../api-keys/follow-creator";
import { type Origin, recordAudit } from "../audit";
import type { Role } from "../db";
import type { TenantTransaction } from "../tenancy";
import { can } from "../tenancy/permissions";

/**
 * What a member handed out keeps no more authority than they have: when their role changes or
 * they leave (`role` null), their API keys are revoked or capped (`keysFollowCreator`) and the
 * pending invitations they could no longer send are revoked. Inside the transaction that makes
 * the change.
 */
export async function grantsFollowMember(tx: TenantTransaction, origin: Origin, userId: string, role: Role | null) {
  const now = new Date();
  await keysFollowCreator(tx, origin, userId, role, now);
  if (role !== null && can(role, "owners:manage")) return;
  // Someone who may still invite loses only their owner invitations; anyone else, all of them.
  const onlyOwners = role !== null && can(role, "team:manage");
  const revoked = await tx.invitation.updateManyAndReturn({
    where: {
      invitedById: userId,
      acceptedAt: null,
      revokedAt: null,
      ...(onlyOwners ? { role: "owner" as const } : {}),
    },
    data: { revokedAt: now },
    select: { id: true },
  });
  for (const { id } of revoked) {
    await recordAudit(tx, origin, {
      action: "team.revokeInvitation",
      targetType: "invitation",
      targetId: id,
      metadata: { reason: role === null ? "inviter left the clinic" : `inviter is now ${role}` },
    });
  }
}
