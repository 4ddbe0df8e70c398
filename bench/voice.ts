// The voice agent's hot paths over HTTP, each beside a baseline in the same run. Two servers,
// each in its own process (bench/voice-server.ts): the Vapi webhook's own handler
// (apps/web/src/server/vapi-webhook.ts, what the route serves) on node:http, and a bare
// node:http + pg handler doing the same essential database work (number lookup, the same
// availability statement, the same inserts). The load comes from wrk (apt-get install wrk) in a
// third process: 10 keep-alive connections, each sending its next request when the last is
// answered, every request a new call (bench/voice.lua). Besides latency, each server's CPU time
// per request, which the machine's other load disturbs far less than wall-clock time.
//   - checkAvailability round trip at 10 concurrent: target p99 < 50 ms
//   - bookAppointment round trip at 10 concurrent: target p99 < 100 ms
//   - assistant-request round trip at 10 concurrent: target p99 < 20 ms
//   - availability itself, 8 weeks for a provider with 10,000 appointments: target p99 < 30 ms
// Usage: npm run bench:voice   (DATABASE_URL's server, or a throwaway embedded one)
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { findOpenSlots } from "@frontdesk/core/appointments";
import { createRootDb } from "@frontdesk/core/db";
import { createTenantClients } from "@frontdesk/core/tenancy";
import { countStatements, latencyRow, percentile, timed, withBenchDatabase } from "./lib";
import type { VoiceFixture } from "./voice-server";

const statements = countStatements();

/** Statements per call of `fn`, one call at a time. */
async function statementsPer(fn: () => Promise<unknown>, runs = 20) {
  const before = statements();
  for (let i = 0; i < runs; i++) await fn();
  return (statements() - before) / runs;
}

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const AVAILABILITY_RUNS = Number(process.env.BENCH_AVAILABILITY_RUNS ?? 200);
const SECRET = "bench-webhook-secret-0123456789abcdef";
const NUMBER = "+15555550142";
const CALLER = "+14155550100";
const here = import.meta.dirname;

type Server = { url: string; process: ChildProcess };

/** Starts bench/voice-server.ts as `kind`; resolves once it listens. */
function startServer(kind: "frontdesk" | "baseline", fixturePath: string) {
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, "--import", "tsx", path.join(here, "voice-server.ts"), kind, fixturePath],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise<Server>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${kind} server exited (${code})`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      const port = chunk.toString().match(/listening (\d+)/)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, process: child });
    });
  });
}

const stats = async (server: Server) =>
  (await (await fetch(`${server.url}/__stats`)).json()) as { cpuMs: number; statements: number };

type WrkResult = { requests: number; seconds: number; p50: number; p90: number; p99: number; failed: number };

/** wrk at CONCURRENCY connections for `seconds`; with the server's CPU time per request. */
async function load(server: Server, env: Record<string, string>, seconds = SECONDS) {
  const before = await stats(server);
  const { stdout } = await promisify(execFile)(
    "wrk",
    ["-t1", `-c${CONCURRENCY}`, `-d${seconds}s`, "-s", path.join(here, "voice.lua"), server.url],
    { env: { ...process.env, BENCH_SECRET: SECRET, BENCH_NUMBER: NUMBER, BENCH_CALLER: CALLER, ...env } },
  );
  const failure = stdout.split("\n").find((l) => l.startsWith("FIRST FAILURE "));
  if (failure) console.log(`  ${failure}`);
  const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const result = JSON.parse(line.slice("RESULT ".length)) as WrkResult;
  const after = await stats(server);
  return {
    ...result,
    rate: result.requests / result.seconds,
    cpuPerRequest: (after.cpuMs - before.cpuMs) / result.requests,
    statements: (after.statements - before.statements) / result.requests,
  };
}

const row = (label: string, r: Awaited<ReturnType<typeof load>>) =>
  `  ${label.padEnd(22)} p50 ${r.p50.toFixed(2).padStart(8)} ms   p90 ${r.p90.toFixed(2).padStart(8)} ms   p99 ${r.p99.toFixed(2).padStart(8)} ms   ${r.rate.toFixed(0).padStart(5)} req/s   ${r.cpuPerRequest.toFixed(2)} ms CPU/req   ${r.statements.toFixed(1)} statements/req   ${r.failed} failed`;

await withBenchDatabase(async (url) => {
  const rootDb = createRootDb(url, { max: 10 });
  const tenants = createTenantClients(url, { max: 10 });
  const clinic = await rootDb.clinic.create({
    data: {
      name: "Bench Dental",
      slug: "bench-dental",
      timezone: "UTC",
      minNoticeMinutes: 0,
      bookingHorizonDays: 3650,
    },
  });
  const clinicId = clinic.id;
  const type = await rootDb.appointmentType.create({ data: { clinicId, name: "Cleaning", durationMinutes: 15 } });
  const providers = [];
  for (const name of ["Dr. Ames", "Dr. Busy", "Dr. Chen"]) {
    const provider = await rootDb.provider.create({ data: { clinicId, name } });
    await rootDb.providerAppointmentType.create({
      data: { clinicId, providerId: provider.id, appointmentTypeId: type.id },
    });
    await rootDb.workingHours.createMany({
      data: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        clinicId,
        providerId: provider.id,
        weekday,
        startMinute: 0,
        endMinute: 1440,
      })),
    });
    providers.push(provider);
  }
  const [ames, busy, chen] = providers as [(typeof providers)[0], (typeof providers)[0], (typeof providers)[0]];
  const assistant = await rootDb.assistant.create({
    data: { clinicId, name: "Front desk", systemPrompt: "You are the receptionist.", firstMessage: "Hello!" },
  });
  await rootDb.phoneNumber.create({
    data: {
      clinicId,
      e164: NUMBER,
      source: "managed",
      status: "active",
      assistantId: assistant.id,
      vapiPhoneNumberId: "pn-bench",
    },
  });
  const patient = await rootDb.patient.create({
    data: { clinicId, firstName: "Bench", lastName: "Patient", phone: CALLER },
  });

  // 10,000 five-minute appointments every six minutes for Dr. Busy, starting next year: about six
  // fully booked weeks, then two free ones.
  const from = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 1));
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const startsAt = new Date(from.getTime() + i * 6 * 60_000);
    const endsAt = new Date(startsAt.getTime() + 5 * 60_000);
    return {
      clinicId,
      providerId: busy.id,
      appointmentTypeId: type.id,
      patientId: patient.id,
      status: "booked" as const,
      startsAt,
      endsAt,
      blockStart: startsAt,
      blockEnd: endsAt,
      source: "api" as const,
    };
  });
  for (let i = 0; i < rows.length; i += 2_000) await rootDb.appointment.createMany({ data: rows.slice(i, i + 2_000) });
  await rootDb.$executeRaw`ANALYZE`;

  // ── availability itself ──
  const db = tenants.forTenant(clinicId);
  const range = {
    from: from.toISOString().slice(0, 10),
    to: new Date(from.getTime() + 55 * 86_400_000).toISOString().slice(0, 10),
  };
  const query = (providerId: string) => () =>
    findOpenSlots(db, { appointmentTypeId: type.id, providerId, ...range, limit: 1000 });
  for (let i = 0; i < 10; i++) await Promise.all([query(ames.id)(), query(busy.id)()]);
  const empty: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < AVAILABILITY_RUNS; i++) {
    await timed(query(ames.id), empty);
    await timed(query(busy.id), full);
  }
  console.log(`\navailability over 8 weeks, limit 1000 (${AVAILABILITY_RUNS} runs each)`);
  console.log(latencyRow("provider, 0 appts", empty));
  console.log(latencyRow("provider, 10000 appts", full));
  console.log(
    `  p99 busy ${percentile(full, 0.99).toFixed(1)} ms (target < 30 ms); busy/empty p50 ${(percentile(full, 0.5) / percentile(empty, 0.5)).toFixed(2)}×; ${await statementsPer(query(busy.id))} statements per call`,
  );

  // ── the servers ──
  const fixturePath = path.join(tmpdir(), `frontdesk-bench-voice-${process.pid}.json`);
  const fixture: VoiceFixture = {
    url,
    secret: SECRET,
    clinicId,
    typeId: type.id,
    patientId: patient.id,
    providers: { ames: ames.id, busy: busy.id, chen: chen.id },
  };
  writeFileSync(fixturePath, JSON.stringify(fixture));
  const servers = {
    frontdesk: await startServer("frontdesk", fixturePath),
    baseline: await startServer("baseline", fixturePath),
  };
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  // Each run's bookings walk forward 15 minutes at a time (one wrk thread) from a midnight of
  // their own, 100 days after the last run's, so every booking is at a free time.
  let days = Math.floor(Date.now() / 86_400_000) + 400;
  const slots = () => {
    days += 100;
    return String(days * 86_400);
  };
  const scenarios = [
    { name: "assistant-request", target: 20 },
    { name: "checkAvailability", target: 50, env: { BENCH_DATE: tomorrow } },
    { name: "bookAppointment", target: 100 },
  ];
  const only = process.env.BENCH_SCENARIOS?.split(",");
  try {
    for (const scenario of scenarios.filter((s) => !only || only.includes(s.name))) {
      const run = async (server: Server, seconds?: number) =>
        load(
          server,
          {
            BENCH_SCENARIO: scenario.name,
            BENCH_PREFIX: `${scenario.name}-${randomUUID()}`,
            BENCH_SLOT0: slots(),
            ...scenario.env,
          },
          seconds,
        );
      await run(servers.frontdesk, 2);
      await run(servers.baseline, 2);
      const a = await run(servers.frontdesk);
      const b = await run(servers.baseline);
      console.log(`\n${scenario.name}: ${SECONDS} s at ${CONCURRENCY} connections (wrk)`);
      console.log(row("frontdesk handler", a));
      console.log(row("bare node:http + pg", b));
      console.log(
        `  p99 ${a.p99.toFixed(1)} ms (target < ${scenario.target} ms); frontdesk/baseline p50 ${(a.p50 / b.p50).toFixed(2)}×, p99 ${(a.p99 / b.p99).toFixed(2)}×, CPU/request ${(a.cpuPerRequest / b.cpuPerRequest).toFixed(2)}×`,
      );
    }
  } finally {
    servers.frontdesk.process.kill("SIGINT");
    servers.baseline.process.kill("SIGINT");
  }

  await tenants.close();
  await rootDb.$disconnect();
});
