// Whether a failed job gets another attempt is core's call (`isTransient`): an outage, a rate
// limit or an unknown error (a dropped connection) is retried with graphile-worker's backoff; a
// refusal (bad input, a missing row, a conflict) would fail the same way every time, so the job
// fails at once and stays in the queue as failed, for someone to look at.
import { isTransient } from "@frontdesk/core";
import type { JobHelpers, Task, TaskList } from "graphile-worker";

/** Every task, failing permanently on errors that cannot pass. */
export function withRetryPolicy(tasks: TaskList): TaskList {
  const entries = Object.entries(tasks).filter((entry): entry is [string, Task] => entry[1] !== undefined);
  return Object.fromEntries(
    entries.map(([name, task]) => [
      name,
      async (payload: unknown, helpers: JobHelpers) => {
        try {
          return await task(payload, helpers);
        } catch (error) {
          if (!isTransient(error)) await noMoreAttempts(helpers);
          throw error;
        }
      },
    ]),
  );
}

/**
 * graphile-worker 0.17 retries a failed job while attempts < max_attempts and offers a running
 * task no way to stop that (its permanently_fail_jobs skips locked jobs, and ours is locked to
 * us). So the job's max_attempts drops to the attempts made: the failure that follows records
 * the error and unlocks it, and the job is never picked again (graphile-worker's own meaning of
 * "permanently failed"). The in-memory copy is lowered too, so graphile-worker logs the attempt
 * as the last and emits job:failed.
 */
async function noMoreAttempts(helpers: JobHelpers) {
  await helpers.query("UPDATE graphile_worker._private_jobs SET max_attempts = attempts WHERE id = $1", [
    helpers.job.id,
  ]);
  helpers.job.max_attempts = helpers.job.attempts;
}
