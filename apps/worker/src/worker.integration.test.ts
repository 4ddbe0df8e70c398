// The worker as a real process on a real database: crash recovery, graceful shutdown, retries.
// A test transaction holds a row lock that the prune job needs, which parks the job mid-run at
// a known point without any test-only code in the worker.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { bookAppointment } from "@frontdesk/core/appointments";
import { enqueue } from "@frontdesk/core/queue";
import { createTenantClients } from "@frontdesk/core/tenancy";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { useTestDatabase, waitFor } from "../../../test/database";
import { startTwilioStub } from "../../../test/twilio-stub";
import { startWorker } from "../../../test/worker-process";

const root = path.resolve(import.meta.dirname, "../../..");

describe("worker process", () => {
  const t = useTestDatabase();

  async function parkedPruneJob() {
    const clinic = await t.db.clinic.create({
      data: { name: "Worker Clinic", slug: `w-${randomBytes(4).toString("hex")}`, timezone: "UTC" },
    });
    const expired = new Date(Date.now() - 60_000);
    await t.db.idempotencyKey.createMany({
      data: ["a", "b", "c"].map((key) => ({
        clinicId: clinic.id,
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

  /** A clinic in UTC open around the clock, with a managed number to text from. */
  async function textingClinic(e164: string) {
    const clinic = await t.db.clinic.create({
      data: {
        name: "Worker Texts",
        slug: `wt-${randomBytes(3).toString("hex")}`,
        timezone: "UTC",
        minNoticeMinutes: 0,
      },
    });
    await t.db.phoneNumber.create({ data: { clinicId: clinic.id, e164, source: "managed", status: "active" } });
    const provider = await t.db.provider.create({ data: { clinicId: clinic.id, name: "Dr. Worker" } });
    await t.db.workingHours.createMany({
      data: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        clinicId: clinic.id,
        providerId: provider.id,
        weekday,
        startMinute: 0,
        endMinute: 1440,
      })),
    });
    const type = await t.db.appointmentType.create({
      data: { clinicId: clinic.id, name: "Visit", durationMinutes: 30 },
    });
    await t.db.providerAppointmentType.create({
      data: { clinicId: clinic.id, providerId: provider.id, appointmentTypeId: type.id },
    });
    return { clinic, provider, type };
  }

  /** Books 15:00 UTC two days out, as the voice agent; its confirmation and reminder are queued. */
  async function bookFor(clinicId: string, providerId: string, appointmentTypeId: string, phone: string) {
    const tenants = createTenantClients(t.url, { max: 2 });
    try {
      const startsAt = new Date(Date.now() + 2 * 86_400_000);
      startsAt.setUTCHours(15, 0, 0, 0);
      return await bookAppointment(
        tenants.forTenant(clinicId),
        { actor: { type: "voice_agent", callId: null }, ip: null },
        { appointmentTypeId, providerId, startsAt, patient: { firstName: "Wendy", lastName: "W", phone } },
      );
    } finally {
      await tenants.close();
    }
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

  it("texts a booking's confirmation through Twilio once the booking commits", async () => {
    const platform = { accountSid: `AC${"9e".repeat(16)}`, authToken: "8f".repeat(16) };
    const stub = await startTwilioStub(platform);
    try {
      const { clinic, provider, type } = await textingClinic("+15557770001");

      const worker = startWorker(t.url, {
        TWILIO_ACCOUNT_SID: platform.accountSid,
        TWILIO_AUTH_TOKEN: platform.authToken,
        TWILIO_API_BASE_URL: stub.url,
        APP_URL: "https://app.frontdesk.test",
      });
      await worker.waitForOutput(/worker ready/);
      const booked = await bookFor(clinic.id, provider.id, type.id, "+14155550777");

      await waitFor(async () => stub.state.messages.some((m) => m.to === "+14155550777"), {
        what: "the confirmation to reach Twilio",
      });
      expect(stub.state.messages.filter((m) => m.to === "+14155550777")).toEqual([
        expect.objectContaining({
          from: "+15557770001",
          statusCallback: "https://app.frontdesk.test/api/twilio/sms/status",
        }),
      ]);
      await waitFor(
        async () => {
          const confirmation = await t.db.smsMessage.findFirst({
            where: { appointmentId: booked.id, kind: "confirmation" },
          });
          return confirmation?.status === "sent" ? confirmation : undefined;
        },
        { what: "the confirmation to be recorded as sent" },
      );
      // The reminder waits for its time; it has not been sent.
      expect((await t.db.smsMessage.findFirst({ where: { appointmentId: booked.id, kind: "reminder" } }))?.status).toBe(
        "queued",
      );
    } finally {
      await stub.close();
    }
  });

  it("texts nobody for a suspended or deleted clinic: its queued texts are marked, Twilio gets nothing", async () => {
    const platform = { accountSid: `AC${"9e".repeat(16)}`, authToken: "8f".repeat(16) };
    const stub = await startTwilioStub(platform);
    try {
      const booked = [];
      for (const [status, e164, phone] of [
        ["suspended", "+15557770011", "+14155550781"],
        ["deleted", "+15557770012", "+14155550782"],
      ] as const) {
        const { clinic, provider, type } = await textingClinic(e164);
        booked.push({ status, appointment: await bookFor(clinic.id, provider.id, type.id, phone) });
        await t.db.clinic.update({ where: { id: clinic.id }, data: { status } });
      }
      const ids = booked.map((b) => b.appointment.id);
      const messages = await t.db.smsMessage.findMany({ where: { appointmentId: { in: ids } } });
      expect(messages).toHaveLength(4); // a confirmation and a reminder each
      // The reminders fall due now, as if their time had come while the clinic was suspended.
      await t.db.$executeRaw`
        SELECT graphile_worker.reschedule_jobs(
          ARRAY(SELECT id FROM graphile_worker._private_jobs WHERE payload->>'messageId' = ANY(${messages.map((m) => m.id)}::text[])),
          run_at := now())`;

      const worker = startWorker(t.url, {
        TWILIO_ACCOUNT_SID: platform.accountSid,
        TWILIO_AUTH_TOKEN: platform.authToken,
        TWILIO_API_BASE_URL: stub.url,
      });
      await waitFor(
        async () => {
          const rows = await t.db.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM graphile_worker._private_jobs
            WHERE payload->>'messageId' = ANY(${messages.map((m) => m.id)}::text[])`;
          return rows[0]?.n === 0;
        },
        { what: "every text's job to complete" },
      );
      expect(stub.state.requests).toBe(0);
      for (const { status, appointment } of booked) {
        const texts = await t.db.smsMessage.findMany({ where: { appointmentId: appointment.id } });
        expect(texts.map((m) => [m.status, m.errorMessage])).toEqual([
          ["cancelled", `not sent: the clinic is ${status}`],
          ["cancelled", `not sent: the clinic is ${status}`],
        ]);
      }
      expect(worker.output()).toMatch(/sms:send: skipped, clinic [\w-]+ is suspended/);
    } finally {
      await stub.close();
    }
  });

  it("runs scheduled jobs, whose payload carries graphile-worker's _cron metadata", async () => {
    const worker = startWorker(t.url);
    await worker.waitForOutput(/worker ready/);
    const rows = await t.db.$queryRaw<{ id: bigint }[]>`
      SELECT (graphile_worker.add_job('rate-limit:prune-expired', json_build_object('_cron', json_build_object('ts', now(), 'backfilled', false)))).id`;
    const id = String(rows[0]?.id);
    await worker.waitForOutput(new RegExp(`job ${id} rate-limit:prune-expired done`));
    expect(worker.output()).not.toMatch(new RegExp(`job ${id} rate-limit:prune-expired failed`));
  });

  /** graphile-worker's own record of a job's tries; undefined once it completed. */
  const attemptsOf = async (id: string) =>
    (
      await t.db.$queryRaw<{ attempts: number; max_attempts: number; last_error: string | null; locked_by: null }[]>`
        SELECT attempts, max_attempts, last_error, locked_by FROM graphile_worker.jobs WHERE id = ${BigInt(id)}`
    )[0];

  it("fails a job that can never succeed at once, instead of retrying it", async () => {
    const worker = startWorker(t.url);
    await worker.waitForOutput(/worker ready/);
    // A payload that does not match its schema fails the same way on every attempt.
    const rows = await t.db.$queryRaw<{ id: bigint }[]>`
      SELECT (graphile_worker.add_job('sms:send', json_build_object('clinicId', 'not-a-clinic'))).id`;
    const id = String(rows[0]?.id);
    await worker.waitForOutput(new RegExp(`job ${id} sms:send gave up after 1 attempt`));
    // Unlocked with its error recorded: graphile-worker's "permanently failed", never picked again.
    const failed = await waitFor(async () => {
      const row = await attemptsOf(id);
      return row && !row.locked_by ? row : undefined;
    });
    expect(failed).toMatchObject({ attempts: 1, max_attempts: 1, last_error: expect.stringContaining("clinicId") });
    expect(worker.output()).toMatch(new RegExp(`job ${id} sms:send failed`));
  });

  it("retries a job whose failure may pass (Twilio down) with backoff", async () => {
    const platform = { accountSid: `AC${"7a".repeat(16)}`, authToken: "6b".repeat(16) };
    const stub = await startTwilioStub(platform);
    stub.state.down = true;
    try {
      const clinic = await t.db.clinic.create({
        data: { name: "Worker Outage", slug: `wo-${randomBytes(3).toString("hex")}`, timezone: "UTC" },
      });
      await t.db.phoneNumber.create({
        data: { clinicId: clinic.id, e164: "+15557770002", source: "managed", status: "active" },
      });
      const message = await t.db.smsMessage.create({
        data: {
          clinicId: clinic.id,
          direction: "outbound",
          kind: "confirmation",
          toNumber: "+14155550778",
          body: "See you soon",
          status: "queued",
        },
      });
      const worker = startWorker(t.url, {
        TWILIO_ACCOUNT_SID: platform.accountSid,
        TWILIO_AUTH_TOKEN: platform.authToken,
        TWILIO_API_BASE_URL: stub.url,
      });
      await worker.waitForOutput(/worker ready/);
      const { id } = await enqueue(t.db, "sms:send", { clinicId: clinic.id, messageId: message.id });
      await worker.waitForOutput(new RegExp(`job ${id} sms:send started \\(attempt 2\\)`));
      await waitFor(async () => stub.state.requests >= 2, { what: "the second attempt to reach Twilio" });
      expect(await attemptsOf(id)).toMatchObject({ max_attempts: 25 });
      expect(worker.output()).not.toMatch(new RegExp(`job ${id} sms:send gave up`));
    } finally {
      await stub.close();
    }
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
