// The job queue is graphile-worker on the application's own PostgreSQL: enqueueing is a SQL
// call, so a job added inside a transaction commits or rolls back with the data it is about.
import { Logger, runMigrations } from "graphile-worker";
import type { RootDb } from "../db";
import { type JobName, type JobPayload, jobs } from "./jobs";

export { crontab, type JobName, type JobPayload, jobs } from "./jobs";

/** A Prisma client or an interactive transaction of one. */
type Executor = Pick<RootDb, "$queryRaw">;

export type EnqueueOptions = {
  runAt?: Date;
  /** Deduplicates: a second job with the same key replaces the pending one. */
  jobKey?: string;
  maxAttempts?: number;
  /** Jobs in one named queue run one at a time, in order. */
  queueName?: string;
  priority?: number;
};

export async function enqueue<N extends JobName>(
  db: Executor,
  name: N,
  payload: JobPayload<N>,
  options: EnqueueOptions = {},
): Promise<{ id: string }> {
  const parsed = jobs[name].parse(payload);
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    SELECT (graphile_worker.add_job(
      identifier => ${name},
      payload => ${JSON.stringify(parsed)}::json,
      queue_name => ${options.queueName ?? null},
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int,
      job_key => ${options.jobKey ?? null},
      priority => ${options.priority ?? null}::int
    )).id`;
  return { id: String(rows[0]?.id) };
}

/**
 * Enqueue from inside a tenant transaction. The queue's tables are platform data the
 * frontdesk_app role cannot touch, so the transaction steps out of that role for this one
 * statement (SET LOCAL: it reverts at commit or rollback either way).
 */
export async function enqueueFromTenant<N extends JobName>(
  tx: Executor & Pick<RootDb, "$executeRaw">,
  name: N,
  payload: JobPayload<N>,
  options: EnqueueOptions = {},
) {
  await tx.$executeRaw`SET LOCAL ROLE NONE`;
  try {
    return await enqueue(tx, name, payload, options);
  } finally {
    await tx.$executeRaw`SET LOCAL ROLE frontdesk_app`;
  }
}

/** Creates or upgrades graphile-worker's own schema (idempotent). */
export async function migrateQueue(databaseUrl: string) {
  await runMigrations({ connectionString: databaseUrl, logger: silentLogger });
}

/** graphile-worker logs through this; migrations have nothing worth saying. */
export const silentLogger = new Logger(() => () => {});
