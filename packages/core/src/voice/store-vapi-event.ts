// Everything Vapi tells us that needs no answer (status updates, transcripts, end-of-call
// reports, unknown types): stored with secrets redacted and a processing job enqueued in the
// same transaction, so "answered 200" means "stored". A redelivery is a no-op.
import { createHash } from "node:crypto";
import { uuidv7 } from "../db";
import { jobs } from "../queue/jobs";
import type { VoiceDeps } from "./deps";
import { redactSecrets } from "./redact";
import { lineOwner } from "./resolve-line";
import type { VapiMessage } from "./schemas";

/**
 * Vapi gives its messages no id; the same message redelivered is the same bytes, and every
 * message carries its own timestamp, so the body's hash tells a redelivery from a new message.
 * The key is the clinic's own: no clinic can pre-empt another's events.
 */
export function vapiDedupeKey(clinicId: string | null, message: VapiMessage, rawBody: string) {
  const hash = createHash("sha256").update(rawBody).digest("hex");
  return `${clinicId ?? "unattributed"}:${message.call?.id ?? "no-call"}:${message.type}:${hash}`;
}

export async function storeVapiEvent(deps: VoiceDeps, message: VapiMessage, rawBody: string) {
  const owner = await lineOwner(deps.rootDb, message);
  // Kept for the clinic even when it is suspended (the call happened); a deleted clinic's or an
  // unknown number's events are kept unattributed for an operator, with nothing to process.
  const clinicId = owner && !owner.deleted ? owner.clinicId : null;
  const id = uuidv7();
  const job = clinicId ? JSON.stringify(jobs["vapi:process-event"].parse({ clinicId, eventId: id })) : null;
  // The event and its job in one statement (atomic without a transaction's extra round trips):
  // the job is added only if the event was new, so a redelivery adds neither.
  await deps.rootDb.sql`
    WITH event AS (
      INSERT INTO webhook_inbox_events (id, "clinicId", source, "eventType", "dedupeKey", payload, status, "lastError")
      VALUES (${id}::uuid, ${clinicId}::uuid, 'vapi', ${message.type.slice(0, 100)},
              ${vapiDedupeKey(clinicId, message, rawBody)}, ${JSON.stringify(redactSecrets({ message }))}::jsonb,
              ${clinicId ? "pending" : "failed"}::"InboxStatus",
              ${clinicId ? null : "no clinic owns the called number"})
      ON CONFLICT DO NOTHING
      RETURNING id)
    SELECT graphile_worker.add_job(identifier => 'vapi:process-event', payload => ${job}::json)::text
      FROM event WHERE ${job}::json IS NOT NULL`;
}
