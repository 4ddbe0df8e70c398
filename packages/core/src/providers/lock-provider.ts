import type { TenantTransaction } from "../tenancy";

/**
 * Locks the provider's row until the transaction ends (null if there is none in this clinic):
 * replacing its hours or what it offers deletes and re-inserts rows, and two replacements
 * running at once would each delete only what they could see and keep both sets.
 */
export async function lockProvider(tx: TenantTransaction, providerId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM providers WHERE id = ${providerId}::uuid FOR UPDATE`;
  return row ?? null;
}
