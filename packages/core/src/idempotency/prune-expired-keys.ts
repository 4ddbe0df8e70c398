import type { RootDb } from "../db";

/**
 * Deletes idempotency keys past their expiry, in batches so a large backlog never holds
 * long locks. Runs across all clinics: a platform job, scheduled by the worker's crontab.
 */
export async function pruneExpiredIdempotencyKeys(db: RootDb, { batchSize = 5_000, now = new Date() } = {}) {
  let deleted = 0;
  for (;;) {
    const count = await db.$executeRaw`
      DELETE FROM idempotency_keys
      WHERE id IN (SELECT id FROM idempotency_keys WHERE "expiresAt" < ${now} LIMIT ${batchSize})`;
    deleted += count;
    if (count < batchSize) return { deleted };
  }
}
