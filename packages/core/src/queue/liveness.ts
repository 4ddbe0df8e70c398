// Crash recovery for the queue. graphile-worker locks a job to the pool that took it and, if
// that process dies, only frees it after four hours. Here every worker process holds a
// session-level advisory lock for its whole life and records its pool ids in
// `queue_workers`. PostgreSQL drops the lock the moment the dead process's connection closes,
// so any surviving (or restarted) worker can tell a dead peer from a busy one precisely and
// unlock its jobs at once — on one machine or many.
import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";

export type Liveness = {
  /** Records a graphile-worker pool id as belonging to this process. */
  addPoolId(poolId: string): Promise<void>;
  /** Frees the jobs of processes that have died; returns the pool ids unlocked. */
  sweep(): Promise<string[]>;
  close(): Promise<void>;
};

/** Jobs locked by an id no live process has claimed are freed after this long. */
const UNCLAIMED_GRACE = "5 minutes";

export async function startLiveness(databaseUrl: string): Promise<Liveness> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "frontdesk-worker-liveness" });
  await client.connect();
  const lockKey = randomBytes(8).readBigInt64BE();
  await client.query("SELECT pg_advisory_lock($1)", [lockKey.toString()]);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO queue_workers (id, "lockKey", "workerIds", hostname, pid)
     VALUES (gen_random_uuid(), $1, '{}', $2, $3) RETURNING id`,
    [lockKey.toString(), os.hostname(), process.pid],
  );
  const id = rows[0]?.id;

  async function sweep(): Promise<string[]> {
    const freed: string[] = [];
    const peers = await client.query<{ id: string; lockKey: string; workerIds: string[] }>(
      `SELECT id, "lockKey"::text, "workerIds" FROM queue_workers WHERE id <> $1`,
      [id],
    );
    for (const peer of peers.rows) {
      const probe = await client.query<{ free: boolean }>("SELECT pg_try_advisory_lock($1) AS free", [peer.lockKey]);
      if (!probe.rows[0]?.free) continue; // alive
      try {
        await client.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [peer.workerIds]);
        await client.query("DELETE FROM queue_workers WHERE id = $1", [peer.id]);
        freed.push(...peer.workerIds);
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [peer.lockKey]);
      }
    }
    // A process that died between creating its pool and recording the id leaves jobs locked
    // by an id nobody claims; free those once they are clearly abandoned.
    const orphans = await client.query<{ locked_by: string }>(
      `SELECT DISTINCT locked_by FROM graphile_worker.jobs
       WHERE locked_by IS NOT NULL AND locked_at < now() - interval '${UNCLAIMED_GRACE}'
         AND locked_by <> ALL (SELECT unnest("workerIds") FROM queue_workers)`,
    );
    const orphanIds = orphans.rows.map((r) => r.locked_by);
    if (orphanIds.length > 0) {
      await client.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [orphanIds]);
      freed.push(...orphanIds);
    }
    return freed;
  }

  return {
    async addPoolId(poolId) {
      await client.query(`UPDATE queue_workers SET "workerIds" = array_append("workerIds", $2) WHERE id = $1`, [
        id,
        poolId,
      ]);
    },
    sweep,
    async close() {
      await client.query("DELETE FROM queue_workers WHERE id = $1", [id]).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
