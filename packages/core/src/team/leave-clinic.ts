import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { grantsFollowMember } from "./grants-follow-member";
import { lockMember, ownerCount } from "./owners";

/** The acting person leaves the clinic, unless they are its last owner; their API keys and pending invitations go with them. */
export async function leaveClinic(db: TenantDb, origin: Origin) {
  const { actor } = origin;
  if (actor.type !== "user") {
    throw new AppError(
      "FORBIDDEN",
      actor.type === "api_key"
        ? "an API key cannot leave a clinic; revoke it instead"
        : "only a member can leave a clinic",
    );
  }
  await db.$transaction(async (tx) => {
    const member = await lockMember(tx, { userId: actor.userId });
    if (!member) throw new AppError("NOT_FOUND", "you are not a member of this clinic");
    if (member.role === "owner" && (await ownerCount(tx)) <= 1) {
      throw new AppError("CONFLICT", "you are the clinic's last owner; make someone else owner before leaving");
    }
    await tx.membership.delete({ where: { id: member.id } });
    await grantsFollowMember(tx, origin, actor.userId, null);
    await recordAudit(tx, origin, { action: "team.leave", targetType: "user", targetId: actor.userId });
  });
}
