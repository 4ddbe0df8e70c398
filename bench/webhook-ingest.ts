// Informational Vapi messages (status updates) arriving at 50 concurrent connections: Frontdesk's
// real route (`next start apps/web`, POST /api/vapi/webhook: authenticate, parse, find the clinic,
// redact, store in the inbox and enqueue its job in one transaction) beside a bare Next.js route
// handler doing the same database work with none of Frontdesk's code (bench/next-baseline), both
// production builds, in the same run. Target: at least 80% of the bare route's rate. Afterwards
// every answered message must be in the inbox ("answered 200 means stored").
// Load from wrk (apt-get install wrk), every message a new one (bench/voice.lua).
// Usage: npm run bench:ingest   (builds both apps; BENCH_SKIP_BUILD=1 reuses existing builds)
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { createRootDb } from "@frontdesk/core/db";
import { freePort } from "../scripts/lib/postgres";
import { withBenchDatabase } from "./lib";

const run = promisify(execFile);
const root = path.join(import.meta.dirname, "..");
const next = path.join(root, "node_modules", ".bin", "next");
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SECRET = "bench-webhook-secret-0123456789abcdef";
const NUMBER = "+15555550143";

async function start(app: string, port: number, env: Record<string, string>, ready: string) {
  const child = spawn(next, ["start", app, "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    const up = await fetch(`${url}${ready}`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`${app} did not start`);
}

/** Messages Frontdesk answered with a 200, over every run (warm-up included). */
let answered = 0;

async function load(url: string, seconds = SECONDS) {
  const { stdout } = await run(
    "wrk",
    ["-t2", `-c${CONNECTIONS}`, `-d${seconds}s`, "-s", path.join(import.meta.dirname, "voice.lua"), url],
    {
      env: {
        ...process.env,
        BENCH_SCENARIO: "status-update",
        BENCH_PREFIX: randomUUID(),
        BENCH_SECRET: SECRET,
        BENCH_NUMBER: NUMBER,
        BENCH_CALLER: "+14155550100",
      },
    },
  );
  const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const r = JSON.parse(line.slice("RESULT ".length)) as {
    requests: number;
    seconds: number;
    p50: number;
    p99: number;
    failed: number;
  };
  return { ...r, rate: r.requests / r.seconds };
}

async function loadOurs(url: string, seconds = SECONDS) {
  const result = await load(url, seconds);
  answered += result.requests - result.failed;
  return result;
}

if (!process.env.BENCH_SKIP_BUILD) {
  for (const app of ["apps/web", "bench/next-baseline"]) {
    console.log(`building ${app} …`);
    await run(next, ["build", app], { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
}

await withBenchDatabase(async (url) => {
  const db = createRootDb(url, { max: 2 });
  const clinic = await db.clinic.create({ data: { name: "Ingest Dental", slug: "ingest", timezone: "UTC" } });
  await db.phoneNumber.create({ data: { clinicId: clinic.id, e164: NUMBER, source: "managed", status: "active" } });
  const [oursPort, basePort] = [await freePort(), await freePort()];
  const apps: ChildProcess[] = [];
  try {
    const ours = await start(
      "apps/web",
      oursPort,
      {
        DATABASE_URL: url,
        APP_URL: `http://127.0.0.1:${oursPort}`,
        NEXTAUTH_URL: `http://127.0.0.1:${oursPort}`,
        NEXTAUTH_SECRET: "bench-only-nextauth-secret-0123456789abcdef",
        ENCRYPTION_KEY: "be".repeat(32),
        SMTP_URL: "smtp://127.0.0.1:9",
        VAPI_WEBHOOK_SECRET: SECRET,
      },
      "/api/health",
    );
    apps.push(ours.child);
    const base = await start(
      "bench/next-baseline",
      basePort,
      { DATABASE_URL: url, VAPI_WEBHOOK_SECRET: SECRET },
      "/api/ingest",
    );
    apps.push(base.child);
    const routes = { ours: `${ours.url}/api/vapi/webhook`, base: `${base.url}/api/ingest` };
    await loadOurs(routes.ours, 3);
    await load(routes.base, 3);
    const results = { ours: [] as Awaited<ReturnType<typeof load>>[], base: [] as Awaited<ReturnType<typeof load>>[] };
    // Alternated, so both meet the same moments of the machine's other load.
    for (let round = 0; round < 2; round++) {
      results.ours.push(await loadOurs(routes.ours));
      results.base.push(await load(routes.base));
    }
    const row = (label: string, runs: Awaited<ReturnType<typeof load>>[]) =>
      `  ${label.padEnd(28)} ${runs.map((r) => `${r.rate.toFixed(0).padStart(5)} req/s (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.failed} failed)`).join("   ")}`;
    const rate = (runs: Awaited<ReturnType<typeof load>>[]) => runs.reduce((sum, r) => sum + r.rate, 0) / runs.length;
    console.log(`\nstatus-update ingest: ${SECONDS} s × 2 rounds at ${CONNECTIONS} connections (wrk)`);
    console.log(row("frontdesk (next start)", results.ours));
    console.log(row("bare Next route + pg", results.base));
    console.log(`  frontdesk/bare rate ${(rate(results.ours) / rate(results.base)).toFixed(2)} (target ≥ 0.80)`);
    // wrk stops with requests in flight, which the app may still store: stored ≥ answered.
    // Frontdesk's dedupe keys start with the clinic (the baseline's are bare hashes).
    const stored = await db.webhookInboxEvent.count({
      where: { clinicId: clinic.id, eventType: "status-update", dedupeKey: { startsWith: `${clinic.id}:` } },
    });
    console.log(
      `  frontdesk answered ${answered} with 200 and stored ${stored}: ${stored >= answered ? "every answered message is stored" : "ANSWERED MESSAGES ARE MISSING"}`,
    );
  } finally {
    for (const app of apps) app.kill();
    await db.$disconnect();
  }
});
