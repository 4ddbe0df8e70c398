// A clinic always keeps at least one owner: every change that could remove the last one counts
// the owners under a lock, in the transaction that makes the change.
import { AppError } from "../errors";
import type { TenantTransaction } from "../tenancy";

/** Owners, locked for the rest of the transaction so two concurrent changes can't both pass. */
export async function lockedOwnerCount(tx: TenantTransaction) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM memberships WHERE role = 'owner' FOR UPDATE`;
  return rows.length;
}

export const lastOwner = () =>
  new AppError("CONFLICT", "a clinic needs at least one owner; make someone else owner first");
