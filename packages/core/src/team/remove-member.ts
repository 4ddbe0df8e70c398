import type { z } from "zod";
import { type ClinicOrigin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { assertCan } from "../tenancy/permissions";
import { grantsFollowMember } from "./grants-follow-member";
import { lastOwner, lockMember, ownerCount } from "./owners";
import { removeMemberInput } from "./schemas";

/** Only an owner removes an owner, and never the last one. The removed person is signed out
 * everywhere and their API keys and pending invitations are revoked, in the same transaction. */
export async function removeMember(db: TenantDb, origin: ClinicOrigin, input: z.input<typeof removeMemberInput>) {
  const { membershipId } = removeMemberInput.parse(input);
  await db.$transaction(async (tx) => {
    const member = await lockMember(tx, { membershipId });
    if (!member) throw new AppError("NOT_FOUND", "member not found");
    if (member.role === "owner") {
      assertCan(origin, "owners:manage");
      if ((await ownerCount(tx)) <= 1) throw lastOwner();
    }
    // Deletes the membership and ends the person's sessions (a function: the tenant role may
    // not write to users).
    const [removed] = await tx.$queryRaw<{ userId: string | null }[]>`
      SELECT remove_clinic_member(${membershipId}::uuid) AS "userId"`;
    if (!removed?.userId) throw new AppError("NOT_FOUND", "member not found");
    await grantsFollowMember(tx, origin, removed.userId, null);
    await recordAudit(tx, origin, { action: "team.remove", targetType: "membership", targetId: membershipId });
  });
}
