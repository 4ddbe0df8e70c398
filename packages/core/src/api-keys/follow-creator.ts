import { type Origin, recordAudit } from "../audit";
import type { Role } from "../db";
import type { TenantTransaction } from "../tenancy";
import { can } from "../tenancy/permissions";

const rolesAbove: Record<Role, Role[]> = { owner: [], admin: ["owner"], staff: ["admin", "owner"] };

/**
 * A key never has more authority than the person who made it: when their role here changes
 * or they leave (`role` null), their keys are revoked (they may no longer create keys) or
 * capped at the new role. Call it inside the transaction that makes the change, so the two
 * commit together.
 */
export async function keysFollowCreator(
  tx: TenantTransaction,
  origin: Origin,
  creatorId: string,
  role: Role | null,
  now = new Date(),
) {
  if (role === null || !can(role, "apiKeys:manage")) {
    const revoked = await tx.apiKey.updateManyAndReturn({
      where: { createdById: creatorId, revokedAt: null },
      data: { revokedAt: now },
      select: { id: true },
    });
    for (const { id } of revoked) {
      await recordAudit(tx, origin, {
        action: "apiKey.revoke",
        targetType: "apiKey",
        targetId: id,
        metadata: { reason: role === null ? "creator left the clinic" : `creator is now ${role}` },
      });
    }
    return;
  }
  const capped = await tx.apiKey.updateManyAndReturn({
    where: { createdById: creatorId, revokedAt: null, role: { in: rolesAbove[role] } },
    data: { role },
    select: { id: true },
  });
  for (const { id } of capped) {
    await recordAudit(tx, origin, { action: "apiKey.cap", targetType: "apiKey", targetId: id, metadata: { role } });
  }
}
