// Live updates end to end: a Vapi `transcript` message received by the webhook handler (what
// POST /api/vapi/webhook serves, on node:http) → stored and queued → a graphile-worker job runs
// recordCallEvent (what apps/worker runs) → committed → core's publisher → the repo's
// Pusher-protocol server → every pusher-js client subscribed to that clinic's private channel.
// Baseline in the same run: the same event triggered directly with `pusher.trigger`.
// 200 connected pusher-js clients across 20 clinics (10 dashboards per clinic).
//   - webhook received → event in a subscribed pusher-js client: target p99 < 1 s
// Usage: npm run bench:realtime   (DATABASE_URL's server, or a throwaway embedded one)
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { recordCallEvent } from "@frontdesk/core/calls";
import { createRootDb } from "@frontdesk/core/db";
import { jobs } from "@frontdesk/core/queue";
import { clinicChannel, createRealtime } from "@frontdesk/core/realtime";
import { createTenantClients } from "@frontdesk/core/tenancy";
import type { VoiceDeps } from "@frontdesk/core/voice";
import { Logger, run } from "graphile-worker";
import Pusher from "pusher";
import type PusherClient from "pusher-js";
import { browserClient } from "../apps/realtime/src/browser-client";
import { startRealtimeServer } from "../apps/realtime/src/server";
import { handleVapiWebhook } from "../apps/web/src/server/vapi-webhook";
import { latencyRow, percentile, withBenchDatabase } from "./lib";

const CLINICS = Number(process.env.BENCH_CLINICS ?? 20);
const PER_CLINIC = Number(process.env.BENCH_CLIENTS_PER_CLINIC ?? 10);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 200);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 4);
const WORKER_CONCURRENCY = Number(process.env.BENCH_WORKER_CONCURRENCY ?? 2);
const SECRET = "bench-webhook-secret-0123456789abcdef";
const app = { id: "bench-app", key: "bench-key", secret: "bench-secret-0123456789" };

const readAll = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

await withBenchDatabase(async (url) => {
  const realtimeServer = await startRealtimeServer({ apps: [app] });
  const realtime = createRealtime({
    appId: app.id,
    key: app.key,
    secret: app.secret,
    host: "127.0.0.1",
    port: realtimeServer.port,
  });
  const rootDb = createRootDb(url, { max: 10 });
  const tenants = createTenantClients(url, { max: 10, publish: realtime.publishCommitted });

  // ── 20 clinics, each with a line, and a call in progress on each ──
  const clinics: { clinicId: string; e164: string; vapiCallId: string }[] = [];
  for (let i = 0; i < CLINICS; i++) {
    const clinic = await rootDb.clinic.create({
      data: { name: `Bench ${i}`, slug: `bench-${i}-${randomUUID().slice(0, 8)}`, timezone: "UTC" },
    });
    const assistant = await rootDb.assistant.create({
      data: { clinicId: clinic.id, name: "Front desk", systemPrompt: "You are the receptionist.", firstMessage: "Hi!" },
    });
    const e164 = `+1555555${String(1000 + i).padStart(4, "0")}`;
    await rootDb.phoneNumber.create({
      data: { clinicId: clinic.id, e164, source: "managed", status: "active", assistantId: assistant.id },
    });
    clinics.push({ clinicId: clinic.id, e164, vapiCallId: `call-${randomUUID()}` });
  }

  // ── the webhook route, and the worker's job ──
  const deps: VoiceDeps = { rootDb, tenants, webhookSecret: SECRET, webhookUrl: "http://bench.test/api/vapi/webhook" };
  const web = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const response = await handleVapiWebhook(
        new Request(deps.webhookUrl, {
          method: "POST",
          headers: new Headers(req.headers as Record<string, string>),
          body,
        }),
        deps,
      );
      res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
    })().catch((error) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
  const webhook = `http://127.0.0.1:${(web.address() as AddressInfo).port}/api/vapi/webhook`;
  const worker = await run({
    connectionString: url,
    concurrency: WORKER_CONCURRENCY,
    noHandleSignals: true,
    taskList: {
      "vapi:process-event": async (payload) => {
        await recordCallEvent({ rootDb, tenants }, jobs["vapi:process-event"].parse(payload));
      },
    },
    logger: new Logger(() => () => {}),
  });

  const post = async (clinic: (typeof clinics)[number], message: Record<string, unknown>) => {
    const response = await fetch(webhook, {
      method: "POST",
      headers: { "content-type": "application/json", "x-vapi-secret": SECRET },
      body: JSON.stringify({
        message: {
          timestamp: Date.now(),
          call: { id: clinic.vapiCallId, type: "inboundPhoneCall", customer: { number: "+14155550100" } },
          phoneNumber: { number: clinic.e164 },
          customer: { number: "+14155550100" },
          ...message,
        },
      }),
    });
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
  };

  // ── 200 dashboards: pusher-js clients on their clinic's private channel ──
  const waiting = new Map<string, { left: number; started: number; samples: number[]; done: () => void }>();
  const clients: PusherClient[] = [];
  await Promise.all(
    clinics.flatMap((clinic) =>
      Array.from({ length: PER_CLINIC }, async () => {
        const client = browserClient(realtimeServer.port, app.key, realtime.signSubscription);
        clients.push(client);
        const channel = client.subscribe(clinicChannel(clinic.clinicId));
        channel.bind("call.transcript", (data: { text: string }) => {
          const wait = waiting.get(data.text);
          if (!wait) return;
          wait.samples.push(performance.now() - wait.started);
          wait.left -= 1;
          if (wait.left === 0) {
            waiting.delete(data.text);
            wait.done();
          }
        });
        await new Promise((resolve) => channel.bind("pusher:subscription_succeeded", resolve));
      }),
    ),
  );

  /** Sends `MESSAGES` lines (IN_FLIGHT at a time) and collects each client's delivery time. */
  async function measure(
    send: (clinic: (typeof clinics)[number], text: string) => Promise<void>,
    label: string,
    count = MESSAGES,
  ) {
    const samples: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < count) {
          const n = next++;
          const clinic = clinics[n % clinics.length] as (typeof clinics)[number];
          const text = `${label} line ${n} ${randomUUID()}`;
          const delivered = new Promise<void>((done) =>
            waiting.set(text, { left: PER_CLINIC, started: performance.now(), samples, done }),
          );
          await send(clinic, text);
          await delivered;
        }
      }),
    );
    return samples;
  }

  // Each clinic's call begins (not measured), so every measured message is one more line.
  for (const clinic of clinics) await post(clinic, { type: "status-update", status: "in-progress" });
  const warm = await measure(
    (clinic, text) => post(clinic, { type: "transcript", role: "user", transcriptType: "final", transcript: text }),
    "warm-up",
    CLINICS,
  );

  const viaWebhook = await measure(
    (clinic, text) => post(clinic, { type: "transcript", role: "user", transcriptType: "final", transcript: text }),
    "webhook",
  );
  const pusher = new Pusher({
    appId: app.id,
    key: app.key,
    secret: app.secret,
    host: "127.0.0.1",
    port: String(realtimeServer.port),
    useTLS: false,
  });
  const direct = await measure(async (clinic, text) => {
    await pusher.trigger(clinicChannel(clinic.clinicId), "call.transcript", {
      callId: clinic.vapiCallId,
      role: "user",
      text,
      at: null,
    });
  }, "direct");

  const p = (samples: number[], q: number) => percentile(samples, q);
  console.log(
    `\nLive updates: ${CLINICS} clinics × ${PER_CLINIC} pusher-js clients = ${clients.length} connected; ${MESSAGES} events each way, ${IN_FLIGHT} in flight, worker concurrency ${WORKER_CONCURRENCY} (warm-up ${warm.length} deliveries discarded)`,
  );
  console.log(latencyRow("webhook → pusher-js", viaWebhook));
  console.log(latencyRow("pusher.trigger → pusher-js (baseline)", direct));
  console.log(
    `  ratio (webhook / baseline): p50 ×${(p(viaWebhook, 0.5) / p(direct, 0.5)).toFixed(1)}, p99 ×${(p(viaWebhook, 0.99) / p(direct, 0.99)).toFixed(1)}`,
  );
  const ok = p(viaWebhook, 0.99) < 1000;
  console.log(`  target p99 < 1000 ms: ${ok ? "met" : "MISSED"} (${p(viaWebhook, 0.99).toFixed(0)} ms)`);

  for (const client of clients) client.disconnect();
  await worker.stop();
  web.close();
  await tenants.close();
  await rootDb.$disconnect();
  await realtimeServer.close();
  if (!ok) process.exitCode = 1;
});
