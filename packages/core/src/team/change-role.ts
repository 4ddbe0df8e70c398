import type { z } from "zod";
import { type ClinicOrigin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { assertCan } from "../tenancy/permissions";
import { grantsFollowMember } from "./grants-follow-member";
import { memberSelect } from "./list-members";
import { lastOwner, lockMember, ownerCount } from "./owners";
import { changeRoleInput } from "./schemas";

/**
 * Only an owner makes or unmakes owners, and the last owner stays one. The member's API keys
 * and pending invitations follow the new role (revoked or capped) in the same transaction.
 */
export async function changeRole(db: TenantDb, origin: ClinicOrigin, input: z.input<typeof changeRoleInput>) {
  const { membershipId, role } = changeRoleInput.parse(input);
  return db.$transaction(async (tx) => {
    const member = await lockMember(tx, { membershipId });
    if (!member) throw new AppError("NOT_FOUND", "member not found");
    if (member.role === "owner" || role === "owner") assertCan(origin, "owners:manage");
    if (member.role === "owner" && role !== "owner" && (await ownerCount(tx)) <= 1) throw lastOwner();
    const updated = await tx.membership.update({ where: { id: membershipId }, data: { role }, select: memberSelect });
    await grantsFollowMember(tx, origin, member.userId, role);
    await recordAudit(tx, origin, {
      action: "team.changeRole",
      targetType: "membership",
      targetId: membershipId,
      metadata: { role },
    });
    return updated;
  });
}
