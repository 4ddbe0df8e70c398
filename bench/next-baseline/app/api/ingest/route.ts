// The bare Next.js baseline for bench/webhook-ingest.ts: a route handler doing the same database
// work as Frontdesk's Vapi webhook does for an informational message — check the secret, find
// the clinic by the called number, store the message in the inbox and enqueue its job in one
// transaction — with none of Frontdesk's code (no Prisma, no validation, no redaction).
import { createHash, randomUUID } from "node:crypto";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export async function POST(req: Request) {
  if (req.headers.get("x-vapi-secret") !== process.env.VAPI_WEBHOOK_SECRET) {
    return Response.json({ error: "unauthorized" }, { status: 401 });
  }
  const raw = await req.text();
  const { message } = JSON.parse(raw);
  const client = await pool.connect();
  try {
    const { rows } = await client.query(`SELECT "clinicId" FROM phone_numbers WHERE e164 = $1`, [
      message.phoneNumber.number,
    ]);
    const clinicId = rows[0]?.clinicId;
    await client.query("BEGIN");
    const inserted = await client.query(
      `INSERT INTO webhook_inbox_events (id, "clinicId", source, "eventType", "dedupeKey", payload)
       VALUES ($1, $2, 'vapi', $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [randomUUID(), clinicId, message.type, createHash("sha256").update(raw).digest("hex"), raw],
    );
    if (inserted.rows[0]) {
      await client.query(`SELECT graphile_worker.add_job('vapi:process-event', $1::json)`, [
        JSON.stringify({ clinicId, eventId: inserted.rows[0].id }),
      ]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  return Response.json({ received: true });
}
