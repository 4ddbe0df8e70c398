// Everything Vapi tells us that needs no answer (status updates, transcripts, end-of-call
// reports, unknown types): stored with secrets redacted and a processing job enqueued in the
// same transaction, so "answered 200" means "stored". A redelivery is a no-op.
import { createHash } from "node:crypto";
import { enqueue } from "../queue";
import type { VoiceDeps } from "./deps";
import { redactSecrets } from "./redact";
import { resolveLine } from "./resolve-line";
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
  const line = await resolveLine(deps.rootDb, message);
  // Kept for the clinic even when it is suspended (the call happened); a deleted clinic's or an
  // unknown number's events are kept unattributed for an operator, with nothing to process.
  const clinicId = line && !line.clinicDeleted ? line.clinic.id : null;
  const payload = redactSecrets({ message }) as object;
  await deps.rootDb.$transaction(async (tx) => {
    const [event] = await tx.webhookInboxEvent.createManyAndReturn({
      data: [
        {
          clinicId,
          source: "vapi",
          eventType: message.type.slice(0, 100),
          dedupeKey: vapiDedupeKey(clinicId, message, rawBody),
          payload,
          ...(clinicId ? {} : { status: "failed" as const, lastError: "no clinic owns the called number" }),
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (event && clinicId) await enqueue(tx, "vapi:process-event", { clinicId, eventId: event.id });
  });
}
