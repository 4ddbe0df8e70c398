// The worker as a real process on a real database: crash recovery and graceful shutdown.
// A test transaction holds a row lock that the prune job needs, which parks the job mid-run at
// a known point without any test-only code in the worker.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { enqueue } from "@frontdesk/core/queue";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase, waitFor } from "../../../test/database";

const root = path.resolve(import.meta.dirname, "../../..");
const running = new Set<ChildProcess>();

function startWorker(databaseUrl: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "apps/worker/src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      WORKER_CONCURRENCY: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  exited.then(() => running.delete(child));
  return {
    child,
    exited,
    output: () => output,
    waitForOutput: (pattern: RegExp) => waitFor(async () => pattern.test(output), { what: `worker output ${pattern}` }),
  };
}

afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
});

describe("worker process", () => {
  const t = useTestDatabase();

  async function parkedPruneJob() {
    const org = await t.db.organization.create({
      data: { name: "Worker Clinic", slug: `w-${randomBytes(4).toString("hex")}`, timezone: "UTC" },
    });
    const expired = new Date(Date.now() - 60_000);
    await t.db.idempotencyKey.createMany({
      data: ["a", "b", "c"].map((key) => ({
        orgId: org.id,
        scope: "test",
        key,
        requestHash: "h",
        response: {},
        expiresAt: expired,
      })),
    });
    const blocker = new pg.Client({ connectionString: t.url });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query("SELECT id FROM idempotency_keys WHERE key = 'a' FOR UPDATE");
    const job = await enqueue(t.db, "idempotency:prune-expired", {});
    return {
      job,
      release: async () => {
        await blocker.query("ROLLBACK");
        await blocker.end();
      },
    };
  }

  const jobRow = async (id: string) =>
    (
      await t.db.$queryRaw<{ locked_by: string | null; attempts: number }[]>`
        SELECT locked_by, attempts FROM graphile_worker.jobs WHERE id = ${BigInt(id)}`
    )[0];

  /** The job is taken by a worker and its DELETE is waiting on our row lock. */
  const isMidRun = async (id: string) => {
    const row = await jobRow(id);
    const waiting = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%DELETE FROM idempotency_keys%'`;
    return Boolean(row?.locked_by) && Number(waiting[0]?.n) > 0;
  };

  it("finishes a job after being killed mid-run and restarted", async () => {
    const { job, release } = await parkedPruneJob();
    const first = startWorker(t.url);
    await waitFor(() => isMidRun(job.id), { what: "the job to be mid-run" });
    const lockedBy = (await jobRow(job.id))?.locked_by;

    first.child.kill("SIGKILL");
    await first.exited;
    // Killed mid-job: the job is still there, still locked by the dead process.
    expect(await jobRow(job.id)).toMatchObject({ locked_by: lockedBy, attempts: 1 });
    await release();

    const second = startWorker(t.url);
    await second.waitForOutput(new RegExp(`job ${job.id} idempotency:prune-expired done`));
    expect(second.output()).toContain("released jobs of 1 dead worker pool(s)");
    // "done" is logged as the job returns; its completion is written just after.
    await waitFor(async () => (await jobRow(job.id)) === undefined, { what: "the job to be completed" });
    expect(await t.db.idempotencyKey.count({ where: { expiresAt: { lt: new Date() } } })).toBe(0);
    expect(await t.db.queueWorker.count()).toBe(1); // the dead one's registration is gone
  });

  it("on SIGTERM finishes the running job, deregisters and exits 0", async () => {
    const { job, release } = await parkedPruneJob();
    const worker = startWorker(t.url);
    await waitFor(() => isMidRun(job.id), { what: "the job to be mid-run" });

    worker.child.kill("SIGTERM");
    await worker.waitForOutput(/SIGTERM: finishing running jobs/);
    await release();

    expect(await worker.exited).toBe(0);
    expect(worker.output()).toMatch(new RegExp(`job ${job.id} idempotency:prune-expired done`));
    expect(await jobRow(job.id)).toBeUndefined();
    expect(await t.db.queueWorker.count()).toBe(0);
  });

  it("refuses to start with bad configuration, saying what to fix", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "apps/worker/src/main.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: t.url, ENCRYPTION_KEY: "not-hex" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      "config error: ENCRYPTION_KEY must be 64 hex characters (32 bytes); fix: generate one with `openssl rand -hex 32` and set ENCRYPTION_KEY",
    );
  });
});
