// A clinic always keeps at least one owner. Every change to a member locks the clinic's owner
// rows first (in id order, so two changes never deadlock), then the member's own row, and only
// then reads: two concurrent changes are serialised, and each sees what the other committed.
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import type { TenantTransaction } from "../tenancy";

type LockedMember = { id: string; userId: string; role: Role };

/**
 * The member, locked for the rest of the transaction (null if there is none), after the
 * owners. `where` is a membership id or the member's user id.
 */
export async function lockMember(
  tx: TenantTransaction,
  where: { membershipId: string } | { userId: string },
): Promise<LockedMember | null> {
  await tx.$queryRaw`SELECT id FROM memberships WHERE role = 'owner' ORDER BY id FOR UPDATE`;
  const rows =
    "membershipId" in where
      ? await tx.$queryRaw<LockedMember[]>`
          SELECT id, "userId", role::text AS role FROM memberships WHERE id = ${where.membershipId}::uuid FOR UPDATE`
      : await tx.$queryRaw<LockedMember[]>`
          SELECT id, "userId", role::text AS role FROM memberships WHERE "userId" = ${where.userId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** Owners as committed now (call after `lockMember`, whose locks keep the count true). */
export const ownerCount = (tx: TenantTransaction) => tx.membership.count({ where: { role: "owner" } });

export const lastOwner = () =>
  new AppError("CONFLICT", "a clinic needs at least one owner; make someone else owner first");
