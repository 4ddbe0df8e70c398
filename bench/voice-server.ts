// One of bench/voice.ts's servers, in a process of its own so the load generator (wrk) and the
// other server do not share its event loop: `frontdesk` serves the Vapi webhook's own handler
// (apps/web/src/server/vapi-webhook.ts, what the route serves) on node:http; `baseline` is bare
// node:http + pg doing the same essential database work (the number lookup, the same
// availability statement, the booking's inserts). GET /__stats reports the process's CPU time
// and the statements it has sent (every pg query: BEGIN/COMMIT and clinic switches included).
// Usage (from bench/voice.ts): tsx bench/voice-server.ts <frontdesk|baseline> <fixture.json>
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRootDb } from "@frontdesk/core/db";
import { createTenantClients } from "@frontdesk/core/tenancy";
import pg from "pg";
import { handleVapiWebhook } from "../apps/web/src/server/vapi-webhook";
import { countStatements } from "./lib";

export type VoiceFixture = {
  url: string;
  secret: string;
  clinicId: string;
  typeId: string;
  patientId: string;
  providers: { ames: string; busy: string; chen: string };
};

const [kind, fixturePath] = process.argv.slice(2);

const statements = countStatements();
const fixture = JSON.parse(readFileSync(fixturePath as string, "utf8")) as VoiceFixture;

async function readAll(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function frontdesk() {
  const deps = {
    rootDb: createRootDb(fixture.url, { max: 10 }),
    tenants: createTenantClients(fixture.url, { max: 10 }),
    webhookSecret: fixture.secret,
    webhookUrl: "http://bench.test/api/vapi/webhook",
  };
  return async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readAll(req);
    const headers = new Headers(req.headers as Record<string, string>);
    const response = await handleVapiWebhook(
      new Request("http://bench.test/api/vapi/webhook", { method: "POST", headers, body }),
      deps,
    );
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  };
}

function baseline() {
  const pool = new pg.Pool({ connectionString: fixture.url, max: 10 });
  const { clinicId, typeId, patientId, providers } = fixture;
  const lineSql = `SELECT n.id, n."clinicId", c.timezone FROM phone_numbers n JOIN clinics c ON c.id = n."clinicId" WHERE n.e164 = $1`;
  // The same statement shape availability runs: gaps between each provider's blocks in order.
  const gapsSql = `
    SELECT p.id, (SELECT json_agg(json_build_array(g.s, g.e) ORDER BY g.s) FROM (
        SELECT lag(a."blockEnd", 1, $2::timestamptz) OVER (ORDER BY a."blockStart") s, a."blockStart" e
          FROM appointments a WHERE a."providerId" = p.id AND a.status = 'booked' AND a."blockStart" < $3 AND a."blockEnd" > $2
                 AND a."blockStart" > $2 - interval '1 day'
        UNION ALL
        SELECT coalesce((SELECT a."blockEnd" FROM appointments a WHERE a."providerId" = p.id AND a.status = 'booked'
                           AND a."blockStart" < $3 AND a."blockEnd" > $2 AND a."blockStart" > $2 - interval '1 day'
                         ORDER BY a."blockStart" DESC LIMIT 1), $2), $3
      ) g WHERE g.e - g.s >= interval '15 minutes') AS free
    FROM unnest($1::uuid[]) p(id)`;
  return async (req: IncomingMessage, res: ServerResponse) => {
    const { message } = JSON.parse(await readAll(req));
    if (req.headers["x-vapi-secret"] !== fixture.secret) return void res.writeHead(401).end();
    await pool.query(lineSql, [message.phoneNumber.number]);
    let body: unknown;
    if (message.type === "assistant-request") {
      await pool.query(
        `INSERT INTO calls (id, "clinicId", "vapiCallId", status, "updatedAt") VALUES ($1, $2, $3, 'ringing', now()) ON CONFLICT DO NOTHING`,
        [randomUUID(), clinicId, message.call.id],
      );
      body = { assistantId: "asst" };
    } else {
      const call = message.toolCallList[0];
      const raw = call.function.arguments;
      const args = typeof raw === "string" ? JSON.parse(raw) : raw;
      if (call.function.name === "checkAvailability") {
        const start = new Date(`${args.date}T00:00:00Z`);
        const gaps = await pool.query(gapsSql, [
          [providers.ames, providers.busy, providers.chen],
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
            [id, clinicId, providers.chen, typeId, patientId, startsAt, endsAt],
          );
          await client.query(
            `INSERT INTO sms_messages (id, "clinicId", "appointmentId", direction, kind, "toNumber", body, status, "updatedAt")
             VALUES ($1, $2, $3, 'outbound', 'confirmation', $4, 'booked', 'queued', now())`,
            [randomUUID(), clinicId, id, message.customer.number],
          );
          await client.query(
            `INSERT INTO audit_logs (id, "clinicId", "actorType", action) VALUES ($1, $2, 'voice_agent', 'appointment.book')`,
            [randomUUID(), clinicId],
          );
          await client.query("COMMIT");
          body = { results: [{ toolCallId: call.id, result: JSON.stringify({ appointmentId: id }) }] };
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        } finally {
          client.release();
        }
      }
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
}

const handle = kind === "frontdesk" ? frontdesk() : baseline();
const server = createServer((req, res) => {
  if (req.url === "/__stats") {
    const { user, system } = process.cpuUsage();
    return void res.writeHead(200).end(JSON.stringify({ cpuMs: (user + system) / 1000, statements: statements() }));
  }
  handle(req, res).catch((error) => res.writeHead(500).end(String(error)));
});
// SIGINT ends the process normally, so --cpu-prof writes its profile.
process.on("SIGINT", () => process.exit(0));
server.listen(0, "127.0.0.1", () => console.log(`listening ${(server.address() as AddressInfo).port}`));
