// Crash recovery for the queue. graphile-worker locks a job to the pool that took it and, if
// that process dies, only frees it after four hours. Here every worker process holds a
// session-level advisory lock for its whole life and records its pool ids in
// `queue_workers`. PostgreSQL drops the lock the moment the dead process's connection closes,
// so any surviving (or restarted) worker can tell a dead peer from a busy one precisely and
// unlock its jobs at once — on one machine or many.
//
// A database restart drops every session, so every lock is free for a moment while live
// workers reconnect: the liveness connection reconnects on next use (re-taking its lock and
// registration), and a peer registered before the restart is not judged dead until it has had
// a grace period to do the same.
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
/** After the server (re)starts, live peers get this long to reconnect and re-take their locks. */
const RECONNECT_GRACE = "2 minutes";

export async function startLiveness(
  databaseUrl: string,
  onConnectionLost: (error: Error) => void = () => {},
): Promise<Liveness> {
  const lockKey = randomBytes(8).readBigInt64BE().toString();
  const poolIds: string[] = [];
  let id: string | undefined;
  let current: pg.Client | undefined;
  let opening: Promise<pg.Client> | undefined;

  async function open() {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: "frontdesk-worker-liveness" });
    // Without a listener a dropped connection (restart, failover) would crash the process.
    client.on("error", (error) => {
      if (current === client) current = undefined;
      onConnectionLost(error);
    });
    client.on("end", () => {
      if (current === client) current = undefined;
    });
    try {
      await client.connect();
      await client.query("SELECT pg_advisory_lock($1)", [lockKey]);
      // First start: register. Reconnect: the row normally survived; put it back if a peer
      // removed it meanwhile.
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO queue_workers (id, "lockKey", "workerIds", hostname, pid)
         VALUES (COALESCE($1::uuid, gen_random_uuid()), $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET "workerIds" = EXCLUDED."workerIds"
         RETURNING id`,
        [id ?? null, lockKey, poolIds, os.hostname(), process.pid],
      );
      id = rows[0]?.id;
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
  }

  function connection(): Promise<pg.Client> {
    if (current) return Promise.resolve(current);
    opening ??= open()
      .then((client) => (current = client))
      .finally(() => {
        opening = undefined;
      });
    return opening;
  }

  await connection();

  async function sweep(): Promise<string[]> {
    const client = await connection();
    const freed: string[] = [];
    const peers = await client.query<{ id: string; lockKey: string; workerIds: string[] }>(
      `SELECT id, "lockKey"::text, "workerIds" FROM queue_workers
       WHERE id <> $1
         -- registered before the server restarted, which was only just now: may be reconnecting
         AND NOT ("startedAt" < pg_postmaster_start_time()
                  AND pg_postmaster_start_time() > now() - interval '${RECONNECT_GRACE}')`,
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
      poolIds.push(poolId);
      const client = await connection();
      await client.query(`UPDATE queue_workers SET "workerIds" = array_append("workerIds", $2) WHERE id = $1`, [
        id,
        poolId,
      ]);
    },
    sweep,
    async close() {
      const client = current;
      current = undefined;
      if (!client) return;
      await client.query("DELETE FROM queue_workers WHERE id = $1", [id]).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
