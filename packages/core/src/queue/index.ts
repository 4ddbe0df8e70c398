// The job queue is graphile-worker on the application's own PostgreSQL: enqueueing is a SQL
// call, so a job added inside a transaction commits or rolls back with the data it is about.
import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";
import { Prisma, type RootDb } from "../db";
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
 * Enqueue from inside a tenant transaction. The queue's tables are platform data the tenant
 * role cannot touch; `enqueue_clinic_job` (a SECURITY DEFINER function, migration
 * tenant_login_role) adds the job only if its payload names the connection's own clinic, and
 * scopes the job key to that clinic.
 */
export async function enqueueFromTenant<N extends JobName>(
  tx: Executor,
  name: N,
  payload: JobPayload<N>,
  options: EnqueueOptions = {},
): Promise<{ id: string }> {
  const parsed = jobs[name].parse(payload);
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT enqueue_clinic_job(
      ${name}, ${JSON.stringify(parsed)}::json, ${options.queueName ?? null}, ${options.runAt ?? null}::timestamptz,
      ${options.maxAttempts ?? null}::int, ${options.jobKey ?? null}, ${options.priority ?? null}::int
    ) AS id`;
  return { id: String(rows[0]?.id) };
}

/**
 * Creates or upgrades graphile-worker's own schema (idempotent), and gives every task of ours its
 * row there. add_jobs creates a task's row on its first job, and two first jobs at once wait on
 * each other's row: inside a booking's one statement, whose overlap check (a deferrable
 * constraint, checked at the statement's end) waits on other bookings too, that wait can close
 * a cycle and end in a deadlock.
 */
export async function migrateQueue(databaseUrl: string) {
  await runMigrations({ connectionString: databaseUrl, logger: silentLogger });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      "INSERT INTO graphile_worker._private_tasks (identifier) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING",
      [Object.keys(jobs)],
    );
  } finally {
    await client.end();
  }
}

/** graphile-worker logs through this; migrations have nothing worth saying. */
export const silentLogger = new Logger(() => () => {});

/** Several jobs of one kind from inside a tenant transaction, in one call (see `enqueueFromTenant`). */
export async function enqueueManyFromTenant<N extends JobName>(
  tx: Executor,
  name: N,
  items: { payload: JobPayload<N>; runAt?: Date | null }[],
  options: { maxAttempts?: number } = {},
): Promise<void> {
  if (items.length === 0) return;
  await tx.$queryRaw`SELECT ${clinicJobs(name, items, options)} AS jobs`;
}

/**
 * The same jobs as an expression, for a use case that writes its whole change in one statement:
 * `SELECT ${jobs} FROM <its new row>` adds them only if that row was written. One call of
 * `enqueue_clinic_jobs` (migration enqueue_clinic_jobs): one notification to the workers.
 */
export function clinicJobs<N extends JobName>(
  name: N,
  items: { payload: JobPayload<N>; runAt?: Date | null }[],
  options: { maxAttempts?: number } = {},
) {
  const payloads = items.map((item) => JSON.stringify(jobs[name].parse(item.payload)));
  const runAts = items.map((item) => item.runAt ?? null);
  return Prisma.sql`enqueue_clinic_jobs(${name}, ${payloads}::json[], ${runAts}::timestamptz[], ${options.maxAttempts ?? null}::int)`;
}
