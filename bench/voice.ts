// The voice agent's hot paths over HTTP, each beside a baseline in the same run: the Vapi
// webhook's own handler (apps/web/src/server/vapi-webhook.ts, what the route serves) on
// node:http, against a bare node:http + pg handler doing the same essential database work
// (number lookup, the same availability gaps query, the same inserts). Both servers run in this
// process on the same database; the load is N concurrent keep-alive clients.
//   - checkAvailability round trip at 10 concurrent: target p99 < 50 ms
//   - bookAppointment round trip at 10 concurrent: target p99 < 100 ms
//   - assistant-request round trip at 10 concurrent: target p99 < 20 ms
//   - availability itself, 8 weeks for a provider with 10,000 appointments: target p99 < 30 ms
// Usage: npm run bench:voice   (DATABASE_URL's server, or a throwaway embedded one)
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { findOpenSlots } from "@frontdesk/core/appointments";
import { createRootDb } from "@frontdesk/core/db";
import { createTenantClients } from "@frontdesk/core/tenancy";
import type { VoiceDeps } from "@frontdesk/core/voice";
import pg from "pg";
import { handleVapiWebhook } from "../apps/web/src/server/vapi-webhook";
import { latencyRow, percentile, timed, withBenchDatabase } from "./lib";

// Every statement either server sends (BEGIN/COMMIT and the tenant pool's clinic switch included)
// passes through pg.Client#query: counted here to report statements per request.
let statements = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

/** Statements per call of `fn`, one call at a time. */
async function statementsPer(fn: () => Promise<unknown>, runs = 20) {
  const before = statements;
  for (let i = 0; i < runs; i++) await fn();
  return (statements - before) / runs;
}

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const AVAILABILITY_RUNS = Number(process.env.BENCH_AVAILABILITY_RUNS ?? 200);
const SECRET = "bench-webhook-secret-0123456789abcdef";
const NUMBER = "+15555550142";
const CALLER = "+14155550100";

function listen(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  const server = createServer((req, res) => {
    handler(req, res).catch((error) => {
      res.writeHead(500).end(String(error));
    });
  });
  return new Promise<{ url: string; close: () => void }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    ),
  );
}

const readAll = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

/** N clients, each sending its next request when the last one is answered. */
async function load(url: string, bodies: () => string, count = REQUESTS, concurrency = CONCURRENCY) {
  const samples: number[] = [];
  let sent = 0;
  let failures = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < count) {
        sent += 1;
        const body = bodies();
        await timed(async () => {
          const response = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", "x-vapi-secret": SECRET },
            body,
          });
          const text = await response.text();
          if (response.status !== 200 || text.includes('"error"')) failures += 1;
        }, samples);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { samples, failures, rate: count / seconds };
}

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
  const deps: VoiceDeps = { rootDb, tenants, webhookSecret: SECRET, webhookUrl: "http://bench.test/api/vapi/webhook" };
  const frontdesk = await listen(async (req, res) => {
    const body = await readAll(req);
    const headers = new Headers(req.headers as Record<string, string>);
    const response = await handleVapiWebhook(
      new Request("http://bench.test/api/vapi/webhook", { method: "POST", headers, body }),
      deps,
    );
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const lineSql = `SELECT n.id, n."clinicId", c.timezone FROM phone_numbers n JOIN clinics c ON c.id = n."clinicId" WHERE n.e164 = $1`;
  const gapsSql = `
    WITH busy AS (SELECT "providerId", "blockStart", "blockEnd" FROM appointments
      WHERE "providerId" = ANY($1::uuid[]) AND status = 'booked'
        AND tstzrange("blockStart", "blockEnd", '[)') && tstzrange($2, $3, '[)'))
    SELECT "providerId", s, e FROM (
      SELECT "providerId", lag("blockEnd", 1, $2::timestamptz) OVER (PARTITION BY "providerId" ORDER BY "blockStart") s, "blockStart" e FROM busy
      UNION ALL
      SELECT p.id, coalesce(max(b."blockEnd"), $2::timestamptz), $3::timestamptz FROM unnest($1::uuid[]) p(id) LEFT JOIN busy b ON b."providerId" = p.id GROUP BY p.id
    ) g WHERE e - s >= interval '15 minutes' ORDER BY "providerId", s`;
  const baseline = await listen(async (req, res) => {
    const { message } = JSON.parse(await readAll(req));
    if (req.headers["x-vapi-secret"] !== SECRET) return void res.writeHead(401).end();
    const line = (await pool.query(lineSql, [message.phoneNumber.number])).rows[0];
    let body: unknown;
    if (message.type === "assistant-request") {
      await pool.query(
        `INSERT INTO calls (id, "clinicId", "vapiCallId", status, "updatedAt") VALUES ($1, $2, $3, 'ringing', now()) ON CONFLICT DO NOTHING`,
        [randomUUID(), line.clinicId, message.call.id],
      );
      body = { assistantId: "asst" };
    } else {
      const call = message.toolCallList[0];
      const args = JSON.parse(call.function.arguments);
      if (call.function.name === "checkAvailability") {
        const start = new Date(`${args.date}T00:00:00Z`);
        const gaps = await pool.query(gapsSql, [
          [ames.id, busy.id, chen.id],
          start,
          new Date(start.getTime() + 7 * 86_400_000),
        ]);
        body = { results: [{ toolCallId: call.id, result: JSON.stringify(gaps.rows.slice(0, 5)) }] };
      } else {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const id = randomUUID();
          const startsAt = new Date(args.startsAt);
          const endsAt = new Date(startsAt.getTime() + 15 * 60_000);
          await client.query(
            `INSERT INTO appointments (id, "clinicId", "providerId", "appointmentTypeId", "patientId", status, "startsAt", "endsAt", "blockStart", "blockEnd", source, "updatedAt")
             VALUES ($1, $2, $3, $4, $5, 'booked', $6, $7, $6, $7, 'agent', now())`,
            [id, line.clinicId, chen.id, type.id, patient.id, startsAt, endsAt],
          );
          await client.query(
            `INSERT INTO sms_messages (id, "clinicId", "appointmentId", direction, kind, "toNumber", body, status, "updatedAt")
             VALUES ($1, $2, $3, 'outbound', 'confirmation', $4, 'booked', 'queued', now())`,
            [randomUUID(), line.clinicId, id, CALLER],
          );
          await client.query(
            `INSERT INTO audit_logs (id, "clinicId", "actorType", action) VALUES ($1, $2, 'voice_agent', 'appointment.book')`,
            [randomUUID(), line.clinicId],
          );
          await client.query("COMMIT");
          body = { results: [{ toolCallId: call.id, result: JSON.stringify({ appointmentId: id }) }] };
        } finally {
          client.release();
        }
      }
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });

  const message = (type: string, extra: object = {}) =>
    JSON.stringify({
      message: {
        type,
        call: { id: `call-${randomUUID()}`, phoneNumberId: "pn-bench", customer: { number: CALLER } },
        phoneNumber: { provider: "twilio", number: NUMBER },
        customer: { number: CALLER },
        ...extra,
      },
    });
  const toolCall = (name: string, args: object) =>
    message("tool-calls", {
      toolCallList: [
        { id: `tc-${randomUUID()}`, type: "function", function: { name, arguments: JSON.stringify(args) } },
      ],
    });
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  // Bookings walk forward 15 minutes at a time from next month, each at a free time.
  const slotsFrom = (offsetDays: number) => {
    let i = 0;
    return () =>
      new Date(
        Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1) +
          offsetDays * 86_400_000 +
          i++ * 15 * 60_000,
      ).toISOString();
  };
  const ours = slotsFrom(0);
  const theirs = slotsFrom(200);
  const scenarios = [
    { name: "assistant-request", target: 20, body: () => message("assistant-request") },
    {
      name: "checkAvailability",
      target: 50,
      body: () => toolCall("checkAvailability", { date: tomorrow, appointmentType: "cleaning" }),
    },
    {
      name: "bookAppointment",
      target: 100,
      body: (server: "ours" | "base") =>
        toolCall("bookAppointment", {
          startsAt: server === "ours" ? ours() : theirs(),
          appointmentType: "Cleaning",
          providerName: "Dr. Chen",
          patientName: "Bench Patient",
        }),
    },
  ];
  for (const scenario of scenarios) {
    await load(frontdesk.url, () => scenario.body("ours"), 40);
    await load(baseline.url, () => scenario.body("base"), 40);
    const a = await load(frontdesk.url, () => scenario.body("ours"));
    const b = await load(baseline.url, () => scenario.body("base"));
    console.log(`\n${scenario.name}: ${REQUESTS} requests at ${CONCURRENCY} concurrent`);
    console.log(`${latencyRow("frontdesk handler", a.samples)}   ${a.rate.toFixed(0)} req/s, ${a.failures} failed`);
    console.log(`${latencyRow("bare node:http + pg", b.samples)}   ${b.rate.toFixed(0)} req/s, ${b.failures} failed`);
    const post = (url: string, body: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-vapi-secret": SECRET },
        body,
      }).then((r) => r.text());
    const ourStatements = await statementsPer(() => post(frontdesk.url, scenario.body("ours")));
    const baseStatements = await statementsPer(() => post(baseline.url, scenario.body("base")));
    console.log(`  statements per request: frontdesk ${ourStatements}, baseline ${baseStatements}`);
    console.log(
      `  p99 ${percentile(a.samples, 0.99).toFixed(1)} ms (target < ${scenario.target} ms); frontdesk/baseline p50 ${(percentile(a.samples, 0.5) / percentile(b.samples, 0.5)).toFixed(2)}×, p99 ${(percentile(a.samples, 0.99) / percentile(b.samples, 0.99)).toFixed(2)}×`,
    );
  }

  frontdesk.close();
  baseline.close();
  await pool.end();
  await tenants.close();
  await rootDb.$disconnect();
});
