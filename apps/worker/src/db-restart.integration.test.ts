// Issue 8, item 13: a database blip must not crash the workers. The real worker process runs
// against its own embedded PostgreSQL (never the shared server), with texts in flight at
// Twilio; the database restarts under it; every job still completes exactly once and the
// process lives on.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createRootDb } from "@frontdesk/core/db";
import { enqueue } from "@frontdesk/core/queue";
import { describe, expect, it } from "vitest";
import { migrateDatabase } from "../../../scripts/lib/migrations";
import { createDatabase, databaseUrl, freePort, startEmbeddedPostgres } from "../../../scripts/lib/postgres";
import { waitFor } from "../../../test/database";
import { startTwilioStub } from "../../../test/twilio-stub";
import { startWorker } from "../../../test/worker-process";

const JOBS = 8;

describe("worker across a database restart", () => {
  it("keeps running and completes every job once", { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "frontdesk-restart-pg-"));
    const port = await freePort();
    let server = await startEmbeddedPostgres({ dataDir, port });
    const url = databaseUrl(server.adminUrl, "frontdesk_restart");
    const platform = { accountSid: `AC${"4c".repeat(16)}`, authToken: "3d".repeat(16) };
    const stub = await startTwilioStub(platform);
    const db = createRootDb(url, { max: 2 });
    try {
      await createDatabase(server.adminUrl, "frontdesk_restart");
      await migrateDatabase(url);
      const clinic = await db.clinic.create({ data: { name: "Restart", slug: "restart", timezone: "UTC" } });
      await db.phoneNumber.create({
        data: { clinicId: clinic.id, e164: "+15557770009", source: "managed", status: "active" },
      });
      const ids: string[] = [];
      for (let i = 0; i < JOBS; i++) {
        const message = await db.smsMessage.create({
          data: {
            clinicId: clinic.id,
            direction: "outbound",
            kind: "confirmation",
            toNumber: `+1415555${String(1000 + i)}`,
            body: `restart ${i}`,
            status: "queued",
          },
        });
        ids.push((await enqueue(db, "sms:send", { clinicId: clinic.id, messageId: message.id })).id);
      }
      stub.state.delayMs = 2_000; // sends stay in flight across the restart

      const worker = startWorker(url, {
        TWILIO_ACCOUNT_SID: platform.accountSid,
        TWILIO_AUTH_TOKEN: platform.authToken,
        TWILIO_API_BASE_URL: stub.url,
      });
      await worker.waitForOutput(/worker ready/, 60_000);
      await waitFor(async () => stub.state.requests >= 2, { what: "sends in flight" });

      await server.stop();
      server = await startEmbeddedPostgres({ dataDir, port });

      await waitFor(
        async () => {
          if (worker.child.exitCode !== null) throw new Error(`the worker exited:\n${worker.output().slice(-2_000)}`);
          const left = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs`.catch(() => [
            { n: -1n },
          ]);
          return left[0]?.n === 0n;
        },
        { timeoutMs: 120_000, what: "every job to complete" },
      );
      expect(worker.child.exitCode).toBeNull(); // still running
      for (const id of ids) {
        expect(worker.output().match(new RegExp(`job ${id} sms:send done`, "g")), `job ${id}`).toHaveLength(1);
      }
      const statuses = await db.smsMessage.findMany({ select: { status: true } });
      expect(statuses.map((m) => m.status)).toEqual(Array(JOBS).fill("sent"));
    } finally {
      await db.$disconnect();
      await stub.close();
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
