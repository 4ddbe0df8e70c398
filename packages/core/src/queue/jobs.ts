// Job names and payload schemas live here so every producer (web, worker, core) enqueues
// type-safely, and the worker validates what it picks up against the same schema.
import { z } from "zod";

export const jobs = {
  /** Platform job (all clinics): delete idempotency keys past their expiry. Scheduled hourly. */
  "idempotency:prune-expired": z.object({ batchSize: z.number().int().positive().max(100_000).optional() }).strict(),
  /** Send one stored SMS (confirmation, reminder, …); retried with backoff while Twilio is down. */
  "sms:send": z.object({ clinicId: z.uuid(), messageId: z.uuid() }).strict(),
  /** Platform job: mark holds past their expiry as released. Every minute. */
  "holds:release-expired": z.object({}).strict(),
  /** Platform job: delete rate-limit windows that have ended. Scheduled hourly. */
  "rate-limit:prune-expired": z.object({}).strict(),
  /** Process one stored Vapi server message (status, transcript, end-of-call report, …). */
  "vapi:process-event": z.object({ clinicId: z.uuid(), eventId: z.uuid() }).strict(),
  /** Platform job: ask Vapi about calls whose end-of-call report never came. Every five minutes. */
  "calls:reconcile": z.object({ limit: z.number().int().positive().optional() }).strict(),
  /** Buy or find the number in Twilio, point its SMS webhooks at us, import it into Vapi. */
  "phone-numbers:provision": z.object({ clinicId: z.uuid(), phoneNumberId: z.uuid() }).strict(),
  /** Remove a released number from Vapi (and a managed one from Twilio), then its row. */
  "phone-numbers:release": z.object({ clinicId: z.uuid(), phoneNumberId: z.uuid() }).strict(),
  /** Platform job: re-import numbers Vapi lost, report numbers only Vapi has. Every fifteen minutes. */
  "phone-numbers:reconcile": z.object({}).strict(),
  /** Create or update one assistant in Vapi; `attempt` counts our own backoff (2 s, 4 s, 8 s, …). */
  "assistants:sync": z
    .object({
      clinicId: z.uuid(),
      assistantId: z.uuid(),
      attempt: z.number().int().min(1).max(100).optional(),
      /** Send it even if Vapi should already have this config (resync, reconciliation). */
      force: z.boolean().optional(),
    })
    .strict(),
  /** Remove a deleted assistant from Vapi. */
  "assistants:delete-remote": z
    .object({ clinicId: z.uuid(), assistantId: z.uuid(), vapiAssistantId: z.string().max(200).nullable() })
    .strict(),
  /** Platform job: compare Vapi's assistants and tools with ours; recreate the missing, report orphans. */
  "vapi:reconcile": z.object({}).strict(),
  /** Platform job for operators (`npm run vapi:resync`): register the tools, then sync every assistant. */
  "vapi:resync-all": z.object({}).strict(),
} as const;

export type JobName = keyof typeof jobs;
export type JobPayload<N extends JobName> = z.input<(typeof jobs)[N]>;

/** The worker's schedule, in graphile-worker's crontab format (UTC). */
export const crontab = [
  "0 * * * * idempotency:prune-expired ?fill=1h&max=3",
  "30 * * * * rate-limit:prune-expired ?max=3",
  "* * * * * holds:release-expired ?max=2",
  "*/5 * * * * calls:reconcile ?max=1",
  "*/15 * * * * phone-numbers:reconcile ?max=1",
  "7,22,37,52 * * * * vapi:reconcile ?max=1",
].join("\n");
