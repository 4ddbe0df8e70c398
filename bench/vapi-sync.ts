// Syncing 100 clinics' assistants to Vapi from scratch: each clinic saves one assistant (the
// sync jobs are queued by the save), then four runners take the due jobs from graphile-worker's
// table one at a time, as a worker at concurrency 4 would, and sync through the real
// @vapi-ai/server-sdk against the local Vapi stub. Prints how many Vapi requests it
// took (the minimum is one assistant create per clinic plus one create per tool) and how long.
// Usage: npm run bench:vapi-sync   (DATABASE_URL's server, or a throwaway embedded one)
import { createAssistant, syncAssistant, type VapiSyncDeps } from "@frontdesk/core/assistants";
import { createRootDb } from "@frontdesk/core/db";
import { jobs } from "@frontdesk/core/queue";
import { createTenantClients } from "@frontdesk/core/tenancy";
import { createVapiClient } from "@frontdesk/core/vapi";
import { voiceTools } from "@frontdesk/core/voice";
import { startVapiStub } from "../test/vapi-stub";
import { withBenchDatabase } from "./lib";

const CLINICS = Number(process.env.BENCH_CLINICS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const TOKEN = "3f1b2c4d-5e6f-4a1b-8c2d-9e0f1a2b3c4d";

await withBenchDatabase(async (url) => {
  const rootDb = createRootDb(url, { max: CONCURRENCY + 4 });
  const tenants = createTenantClients(url, { max: CONCURRENCY + 4 });
  const stub = await startVapiStub(TOKEN);
  const origin = { actor: { type: "system" as const }, ip: null };
  for (let i = 0; i < CLINICS; i++) {
    const clinic = await rootDb.clinic.create({ data: { name: `Clinic ${i}`, slug: `bench-${i}`, timezone: "UTC" } });
    await createAssistant(tenants.forTenant(clinic.id), origin, {
      name: "Front desk",
      role: "receptionist",
      systemPrompt: "You answer the phone for {{clinicName}}.",
      firstMessage: "Hello, {{clinicName}} here.",
      voiceProvider: "vapi",
      voiceId: "Elliot",
      modelProvider: "openai",
      model: "gpt-4o",
      transferNumber: null,
      isDefault: true,
    });
  }
  const deps: VapiSyncDeps = {
    rootDb,
    tenants,
    vapi: createVapiClient({ token: TOKEN, baseUrl: stub.url }),
    server: {
      webhookUrl: "https://app.frontdesk.test/api/vapi/webhook",
      webhookSecret: "bench-webhook-secret-0123456789",
    },
  };

  const started = performance.now();
  // One due sync job, claimed as graphile-worker claims them (skip what another runner holds).
  const claim = () => rootDb.$queryRaw<{ payload: unknown }[]>`
    DELETE FROM graphile_worker._private_jobs WHERE id = (
      SELECT j.id FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks k ON k.id = j.task_id
       WHERE k.identifier = 'assistants:sync' AND j.run_at <= now()
       ORDER BY j.run_at, j.id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING payload`;
  const runner = async () => {
    for (;;) {
      const [job] = await claim();
      if (job) {
        await syncAssistant(deps, jobs["assistants:sync"].parse(job.payload));
        continue;
      }
      // Nothing due: done once every assistant is synced and nothing waits for later.
      const [row] = await rootDb.$queryRaw<{ synced: bigint; queued: bigint }[]>`
        SELECT (SELECT count(*) FROM assistants WHERE "syncStatus" = 'synced') AS synced,
               (SELECT count(*) FROM graphile_worker._private_jobs) AS queued`;
      if (Number(row?.synced) === CLINICS && Number(row?.queued) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, runner));
  const ms = performance.now() - started;

  const count = (method: string, path: string) =>
    stub.state.log.filter((r) => r.method === method && r.path === path).length;
  const minimum = CLINICS + voiceTools.length;
  console.log(
    `Vapi sync of ${CLINICS} clinics' assistants from scratch (worker concurrency ${CONCURRENCY}, local stub)`,
  );
  console.log(
    `  Vapi requests     ${stub.state.log.length} (minimum ${minimum}: ${CLINICS} assistant creates + ${voiceTools.length} tool creates)`,
  );
  console.log(`    POST /assistant ${count("POST", "/assistant")}`);
  console.log(`    POST /tool      ${count("POST", "/tool")}`);
  console.log(`    GET /tool       ${count("GET", "/tool")} (the registry looks for tools by name before creating)`);
  console.log(
    `    other           ${stub.state.log.length - count("POST", "/assistant") - count("POST", "/tool") - count("GET", "/tool")}`,
  );
  console.log(`  time              ${(ms / 1000).toFixed(2)} s (${(ms / CLINICS).toFixed(1)} ms per clinic)`);
  await stub.close();
  await tenants.close();
  await rootDb.$disconnect();
});
