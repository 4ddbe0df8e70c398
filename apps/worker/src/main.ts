// The worker: consumes the PostgreSQL job queue (graphile-worker). Start as many of these as
// you like, on as many machines; they coordinate through the database.

import { EventEmitter } from "node:events";
import { hit, type Limit } from "@frontdesk/core";
import { createKeyring } from "@frontdesk/core/crypto";
import { createRootDb } from "@frontdesk/core/db";
import { crontab } from "@frontdesk/core/queue";
import { startLiveness } from "@frontdesk/core/queue/liveness";
import { createRealtime, realtimeConfigFrom } from "@frontdesk/core/realtime";
import { CircuitBreaker } from "@frontdesk/core/sms";
import { createTenantClients } from "@frontdesk/core/tenancy";
import { createVapiClient } from "@frontdesk/core/vapi";
import { Logger, run, type WorkerEvents } from "graphile-worker";
import { env } from "./env";
import { withRetryPolicy } from "./retry-policy";
import { makeTaskList } from "./tasks";

const SWEEP_INTERVAL_MS = 30_000;

const log = (level: string, message: string) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), level, service: "worker", message }));

const db = createRootDb(env.DATABASE_URL, { max: env.WORKER_CONCURRENCY + 2 });
// Calls the worker records and texts it sends reach the clinic's dashboards once committed.
const realtime = createRealtime(realtimeConfigFrom(env), (line) => log("warn", line));
const tenants = createTenantClients(env.DATABASE_URL, {
  max: env.WORKER_CONCURRENCY + 2,
  publish: realtime.publishCommitted,
});
const sms = {
  tenants,
  breaker: new CircuitBreaker({ threshold: 5, cooldownMs: 30_000 }),
  platformTwilio:
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
      ? { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN }
      : undefined,
  keyring: createKeyring(env.ENCRYPTION_KEY_ID, env.ENCRYPTION_KEY, env.ENCRYPTION_PREVIOUS_KEYS),
  twilioApiBaseUrl: env.TWILIO_API_BASE_URL,
  statusCallbackUrl: new URL("/api/twilio/sms/status", env.APP_URL).toString(),
};
const vapi = createVapiClient({ token: env.VAPI_PRIVATE_KEY, baseUrl: env.VAPI_BASE_URL });
const numbers = {
  tenants,
  vapi,
  keyring: sms.keyring,
  platformTwilio: sms.platformTwilio,
  twilioApiBaseUrl: env.TWILIO_API_BASE_URL,
  appUrl: env.APP_URL,
  vapiWebhookSecret: env.VAPI_WEBHOOK_SECRET,
  hit: (key: string, limit: Limit) => hit(db, key, limit),
};
const liveness = await startLiveness(env.DATABASE_URL, (error) =>
  log("warn", `liveness connection lost (${error.message}); reconnecting on next use`),
);

const events: WorkerEvents = new EventEmitter();
const poolIds: Promise<void>[] = [];
events.on("pool:create", ({ workerPool }) => poolIds.push(liveness.addPoolId(workerPool.id)));
events.on("job:start", ({ job }) =>
  log("info", `job ${job.id} ${job.task_identifier} started (attempt ${job.attempts})`),
);
events.on("job:success", ({ job }) => log("info", `job ${job.id} ${job.task_identifier} done`));
events.on("job:error", ({ job, error }) =>
  log("warn", `job ${job.id} ${job.task_identifier} failed: ${error instanceof Error ? error.message : String(error)}`),
);
events.on("job:failed", ({ job }) =>
  log("error", `job ${job.id} ${job.task_identifier} gave up after ${job.attempts} attempt(s)`),
);

// Jobs a crashed worker had taken are freed before we start taking new ones.
const recovered = await liveness.sweep();
if (recovered.length) log("info", `released jobs of ${recovered.length} dead worker pool(s)`);

const runner = await run({
  connectionString: env.DATABASE_URL,
  concurrency: env.WORKER_CONCURRENCY,
  taskList: withRetryPolicy(
    makeTaskList(db, sms, { tenants, vapi }, numbers, {
      tenants,
      vapi,
      server: {
        webhookUrl: new URL("/api/vapi/webhook", env.APP_URL).toString(),
        webhookSecret: env.VAPI_WEBHOOK_SECRET,
      },
    }),
  ),
  crontab,
  events,
  noHandleSignals: true,
  // With batching off, graphile-worker writes a job's completion without awaiting it, so a
  // graceful stop can return before the write lands and the job runs again. A batcher (even
  // with no delay) is flushed by stop().
  preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  logger: new Logger((scope) => (level, message) => {
    if (level !== "debug") log(level, `${scope.label ?? "graphile-worker"}: ${message}`);
  }),
});
await Promise.all(poolIds);
const sweeper = setInterval(() => {
  liveness.sweep().catch((error) => log("warn", `liveness sweep failed: ${String(error)}`));
}, SWEEP_INTERVAL_MS);
log("info", `worker ready (concurrency ${env.WORKER_CONCURRENCY})`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log("info", `${signal}: finishing running jobs, then exiting`);
  clearInterval(sweeper);
  await runner.stop();
  // stop() returns once jobs have finished; `promise` once their results are written.
  await runner.promise;
  await realtime.flush(); // what the last jobs published goes out before we exit
  await liveness.close();
  await tenants.close();
  await db.$disconnect();
  log("info", "worker stopped");
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
