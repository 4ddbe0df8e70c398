// What the Vapi sync jobs need from their host (the worker, a test, the benchmark), and the
// plumbing they share: a lock across workers, and the retry schedule.
import type { RootDb } from "../db";
import { enqueue, enqueueFromTenant, type JobPayload } from "../queue";
import type { TenantClients } from "../tenancy";
import type { VapiClient } from "../vapi/client";
import type { AssistantServer } from "../voice/assistant-config";
import type { VoiceToolDefinition } from "../voice/tools";

export type VapiSyncDeps = {
  rootDb: RootDb;
  tenants: TenantClients;
  /** Absent when VAPI_PRIVATE_KEY is not set: nothing is synced. */
  vapi?: VapiClient;
  /** Where Vapi sends the assistant's server messages, and the secret it sends with them. */
  server: AssistantServer;
  /** Per Vapi request (the SDK's default is 60 s). */
  timeoutSeconds?: number;
  log?: (line: string) => void;
  now?: () => Date;
  /** The tool definitions to register (voice/tools.ts unless a test changes one). */
  tools?: VoiceToolDefinition[];
};

export const VAPI_TIMEOUT_SECONDS = 15;

/** Attempts before a sync is marked failed (the last waits 2^8 s, about four minutes). */
export const MAX_SYNC_ATTEMPTS = 8;

/** Our backoff, not graphile-worker's: 2 s, 4 s, 8 s, … after attempt 1, 2, 3, … */
export const syncBackoffMs = (attempt: number) => 2 ** attempt * 1000;

/**
 * Runs `work` while holding a PostgreSQL advisory lock named `name`, so two workers (or two jobs
 * in one) never do it at once. The lock lives in a root transaction on its own connection and
 * goes with it, even if this process dies. `work` gets that transaction for writes that must
 * land before the lock is released.
 */
export async function withAdvisoryLock<T>(
  rootDb: RootDb,
  name: string,
  work: (tx: Parameters<Parameters<RootDb["$transaction"]>[0]>[0]) => Promise<T>,
): Promise<T> {
  return rootDb.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`;
      return work(tx);
    },
    { maxWait: 30_000, timeout: 180_000 },
  );
}

/** The job key that coalesces one assistant's pending syncs (a tenant key; see enqueue_clinic_job). */
const syncKey = (assistantId: string) => `assistant-sync:${assistantId}`;

type Sync = JobPayload<"assistants:sync">;
type Executor = Pick<RootDb, "$queryRaw">;

/** Queues a sync of one assistant from its clinic's transaction; it replaces one still waiting. */
export const queueAssistantSync = (tx: Executor, sync: Sync, runAt?: Date) =>
  enqueueFromTenant(tx, "assistants:sync", sync, { jobKey: syncKey(sync.assistantId), runAt });

/** The same from platform code: the key carries the clinic, as enqueue_clinic_job puts it there. */
export const queueAssistantSyncAsPlatform = (db: Executor, sync: Sync) =>
  enqueue(db, "assistants:sync", sync, { jobKey: `${sync.clinicId}:${syncKey(sync.assistantId)}` });
