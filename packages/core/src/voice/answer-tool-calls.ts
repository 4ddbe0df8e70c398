// `tool-calls`: the agent's tools, answered while the caller waits. Always HTTP 200 with one
// result per tool call, in order, each a single-line string. Every tool call is answered once:
// a redelivery (even one arriving at the same moment) gets the first answer back and never
// books, cancels or texts twice.
import { createHash } from "node:crypto";
import { ZodError, type z } from "zod";
import { SlotTakenError } from "../appointments/slot-rules";
import { openCall } from "../calls/open-call";
import { quickCommit, uuidv7 } from "../db";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import type { VoiceDeps } from "./deps";
import { callerNumber, resolveLine } from "./resolve-line";
import { toolCallsMessage, type VapiMessage, vapiToolCall } from "./schemas";
import { isoInZone, spokenSlot } from "./speech";
import { isToolName, type ToolName, toolArgs } from "./tools";
import { bookAppointment } from "./tools/book-appointment";
import { cancelAppointment } from "./tools/cancel-appointment";
import { checkAvailability } from "./tools/check-availability";
import type { ToolAnswer, ToolContext } from "./tools/context";
import { findMyAppointments } from "./tools/find-my-appointments";
import { getClinicInfo } from "./tools/get-clinic-info";
import { rescheduleAppointment } from "./tools/reschedule-appointment";
import { transferToHuman } from "./tools/transfer-to-human";

export type ToolCallResult = { toolCallId: string; name: string; result?: string; error?: string };
type Stored = { result?: string; error?: string; pending?: true };

const runners: { [N in ToolName]: (ctx: ToolContext, args: z.output<(typeof toolArgs)[N]>) => Promise<ToolAnswer> } = {
  checkAvailability,
  bookAppointment,
  findMyAppointments,
  cancelAppointment,
  rescheduleAppointment,
  getClinicInfo,
  transferToHuman,
};

/** Tools that change something: claimed before they run, so a duplicate waits for the first answer. */
const CHANGES = new Set<ToolName>(["bookAppointment", "cancelAppointment", "rescheduleAppointment"]);

const IDEMPOTENCY_SCOPE = "vapi.tool-call";
const ANSWER_TTL_MS = 7 * 86_400_000;
const WAIT_FOR_FIRST_MS = 15_000;
/** No tool runs this long (statements time out after 10 s): a claim this old was abandoned. */
const ABANDONED_AFTER_MS = 60_000;
const POLL_MS = 20;

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** Every tool call in the message, however Vapi shaped it this time. */
function toolCallsOf(message: VapiMessage) {
  const parsed = toolCallsMessage.safeParse(message);
  if (!parsed.success) return [];
  const listed = parsed.data.toolCallList?.length
    ? parsed.data.toolCallList
    : (parsed.data.toolWithToolCallList ?? []).map((t) => t.toolCall);
  return listed.flatMap((item) => {
    const call = vapiToolCall.safeParse(item);
    if (!call.success) return [];
    const { id, function: fn } = call.data;
    const name = fn?.name ?? call.data.name ?? "";
    const args = fn?.arguments ?? fn?.parameters ?? call.data.arguments ?? call.data.parameters;
    return [{ id, name, args }];
  });
}

/** Arguments arrive as a JSON string (the SDK) or an object (the docs). */
function argumentsOf(raw: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (raw === undefined || raw === null || raw === "") return { ok: true, value: {} };
  if (typeof raw !== "string") return { ok: true, value: raw };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, error: "the tool arguments were not valid JSON; call the tool again with valid arguments" };
  }
}

const describeIssues = (error: ZodError) =>
  error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");

/** What the agent is told when a tool refuses: words it can say, never a stack trace. */
function spokenError(error: unknown, timeZone: string): string | null {
  if (error instanceof SlotTakenError) {
    const options = error.alternatives.map(
      (s) => `${spokenSlot(s.startsAt, timeZone)} with ${s.providerName} (startsAt ${isoInZone(s.startsAt, timeZone)})`,
    );
    return options.length
      ? `that time was just taken; the nearest open times are ${options.join(", ")}`
      : "that time was just taken and there is nothing open near it; ask for another day";
  }
  if (error instanceof AppError && error.code !== "INTERNAL") return error.message;
  if (error instanceof ZodError) return `those details were not accepted: ${describeIssues(error)}`;
  return null;
}

const SOMETHING_WENT_WRONG =
  "something went wrong on our side; apologise, and offer to take a message or to transfer the caller";

// The tool-call records are plain SQL on the clinic's own connections (row-level security holds):
// they sit on every tool call's dead air, where the ORM's per-query work is time the caller hears.
async function storedAnswer(db: TenantDb, key: string) {
  const [row] = await db.sql<{ response: Stored }>`
    SELECT response FROM idempotency_keys
     WHERE "clinicId" = ${db.clinicId}::uuid AND scope = ${IDEMPOTENCY_SCOPE} AND key = ${key}`;
  return row ? row.response : null;
}

/**
 * Claims the key (or stores a final answer) unless it exists; null when another delivery holds
 * it, `resumed` when this one took it over. A claim still pending long after any tool could have finished was abandoned (its process died
 * mid-answer): this call takes it over. A booking the abandoned attempt did make is found again
 * by its own idempotency key (tools/book-appointment.ts), so taking over never books twice.
 * Quick commits (see `quickCommit`): the change a claim guards commits durably after it.
 */
async function claim(db: TenantDb, key: string, requestHash: string, response: Stored, now: Date) {
  const [row] = await db.sql<{ resumed: boolean }>`
    WITH ${quickCommit}
    INSERT INTO idempotency_keys (id, "clinicId", scope, key, "requestHash", response, "expiresAt")
    SELECT ${uuidv7()}::uuid, ${db.clinicId}::uuid, ${IDEMPOTENCY_SCOPE}, ${key}, ${requestHash},
           ${JSON.stringify(response)}::jsonb, ${new Date(now.getTime() + ANSWER_TTL_MS)}
      FROM quick_commit
    ON CONFLICT ("clinicId", scope, key) DO UPDATE
       SET response = excluded.response, "requestHash" = excluded."requestHash", "createdAt" = now()
     WHERE idempotency_keys.response ->> 'pending' = 'true'
       AND idempotency_keys."createdAt" < now() - make_interval(secs => ${ABANDONED_AFTER_MS / 1000})
    RETURNING xmax::text <> '0' AS resumed`; // only an update (the takeover) leaves a transaction in xmax
  return row ? { resumed: row.resumed } : null;
}

/** Replaces the claim with the final answer, or (answer null) lets go of it. */
async function settle(db: TenantDb, key: string, answer: Stored | null) {
  if (answer) {
    await db.sql`
      WITH ${quickCommit}
      UPDATE idempotency_keys SET response = ${JSON.stringify(answer)}::jsonb
        FROM quick_commit
       WHERE "clinicId" = ${db.clinicId}::uuid AND scope = ${IDEMPOTENCY_SCOPE} AND key = ${key}`;
  } else {
    await db.sql`
      DELETE FROM idempotency_keys
       WHERE "clinicId" = ${db.clinicId}::uuid AND scope = ${IDEMPOTENCY_SCOPE} AND key = ${key}`;
  }
}

/** The first delivery's answer; waits while that delivery is still working on it. */
async function firstAnswer(db: TenantDb, key: string): Promise<Stored> {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const stored = await storedAnswer(db, key);
    if (stored && !stored.pending) return stored;
    if (!stored) return { error: SOMETHING_WENT_WRONG }; // the first delivery failed and let go
    if (Date.now() > deadline) return { error: "still working on that request; ask the caller to hold a moment" };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function run(ctx: ToolContext, name: ToolName, args: unknown): Promise<Stored> {
  try {
    const answer = await (runners[name] as (ctx: ToolContext, args: unknown) => Promise<ToolAnswer>)(ctx, args);
    return { result: JSON.stringify(answer) };
  } catch (error) {
    const words = spokenError(error, ctx.line.clinic.timezone);
    if (words) return { error: oneLine(words) };
    throw error;
  }
}

async function answerOne(ctx: ToolContext, call: { id: string; name: string; args: unknown }): Promise<Stored> {
  if (!isToolName(call.name)) return { error: `there is no tool called "${oneLine(call.name).slice(0, 60)}"` };
  const raw = argumentsOf(call.args);
  if (!raw.ok) return { error: raw.error };
  const args = toolArgs[call.name].safeParse(raw.value);
  if (!args.success) return { error: oneLine(`invalid arguments for ${call.name}: ${describeIssues(args.error)}`) };

  const { db, now } = ctx;
  const hash = createHash("sha256")
    .update(`${call.name}\n${JSON.stringify(args.data)}`)
    .digest("hex");
  if (!CHANGES.has(call.name)) {
    // Reads change nothing: answer, keep the first answer, and repeat it to a redelivery.
    const answer = await run(ctx, call.name, args.data);
    if (await claim(db, call.id, hash, answer, now)) return answer;
    return (await storedAnswer(db, call.id)) ?? answer;
  }
  const claimed = await claim(db, call.id, hash, { pending: true }, now);
  if (!claimed) return firstAnswer(db, call.id);
  let answer: Stored;
  try {
    answer = await run({ ...ctx, resumed: claimed.resumed }, call.name, args.data);
  } catch (error) {
    // Nothing was changed (the use cases are transactional): let a redelivery try again.
    await settle(db, call.id, null);
    throw error;
  }
  await settle(db, call.id, answer);
  return answer;
}

export async function answerToolCalls(deps: VoiceDeps, message: VapiMessage): Promise<{ results: ToolCallResult[] }> {
  const calls = toolCallsOf(message);
  if (calls.length === 0) return { results: [] };
  const line = await resolveLine(deps.rootDb, message);
  if (!line?.inService) {
    const error = "this line is not in service; apologise and end the call";
    return { results: calls.map((c) => ({ toolCallId: c.id, name: c.name, error })) };
  }
  const db = deps.tenants.forTenant(line.clinic.id);
  const vapiCallId = message.call?.id ?? null;
  const caller = callerNumber(message);
  let callId: Promise<string | null> | undefined;
  const origin = async () => {
    callId ??= vapiCallId
      ? openCall(db, {
          clinicId: line.clinic.id,
          vapiCallId,
          assistantId: line.assistant?.id,
          phoneNumberId: line.phoneNumberId,
          fromNumber: caller,
          toNumber: line.e164,
        })
      : Promise.resolve(null);
    return { actor: { type: "voice_agent" as const, callId: await callId }, ip: null };
  };
  const now = deps.now?.() ?? new Date();
  const results: ToolCallResult[] = [];
  // In order: a later call in the same message may rely on an earlier one (book, then list).
  for (const call of calls) {
    const ctx: ToolContext = {
      line,
      db,
      callerNumber: caller,
      vapiCallId,
      toolCallId: call.id,
      resumed: false,
      now,
      origin,
    };
    let answer: Stored;
    try {
      answer = await answerOne(ctx, call);
    } catch (error) {
      console.error(`vapi tool ${call.name} (${call.id}) failed:`, error instanceof Error ? error.message : error);
      answer = { error: SOMETHING_WENT_WRONG };
    }
    results.push({
      toolCallId: call.id,
      name: call.name,
      ...(answer.error ? { error: answer.error } : { result: answer.result }),
    });
  }
  return { results };
}
