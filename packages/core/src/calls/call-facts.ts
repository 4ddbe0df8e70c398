// What one Vapi message (or Vapi's own copy of a call) says about a call, and how those partial
// views combine into the Call row. Vapi's messages arrive late, early and twice, so combining is
// order-free: the status only moves forward, the earliest start and the latest end win, and once
// a full report is in (the end-of-call report, or the reconciler's fetch of an ended call) the
// partial messages no longer change anything it said. Pure functions: the use cases do the I/O.
import type { CallOutcome } from "../db";

type Json = Record<string, unknown>;

/** One turn of the conversation as the call page shows it. */
export type Turn = {
  role: "assistant" | "user" | "tool";
  text: string;
  /** Seconds from the start of the call. */
  at: number | null;
  /** The tool called or answering, on tool turns. */
  tool?: string;
};

/** What one message tells us. `complete`: it is the final word on the call (a report). */
export type CallFacts = {
  vapiCallId: string;
  complete: boolean;
  status?: string;
  direction?: "inbound" | "outbound";
  fromNumber?: string;
  toNumber?: string;
  vapiPhoneNumberId?: string;
  vapiAssistantId?: string;
  startedAt?: Date;
  endedAt?: Date;
  endedReason?: string;
  transcript?: string;
  messages?: Turn[];
  recordingUrl?: string;
  stereoRecordingUrl?: string;
  summary?: string;
  structuredData?: Json;
  successEvaluation?: string;
  costUsd?: number;
  costBreakdown?: unknown;
  transferredAt?: Date;
  /** One final line of a `transcript` message, as it is spoken (`at` is filled in on merge). */
  line?: Omit<Turn, "at">;
  /** When Vapi sent the message. */
  at?: Date;
};

/** The parts of the Call row the messages decide. */
export type CallState = {
  status: string;
  direction: "inbound" | "outbound";
  fromNumber: string | null;
  toNumber: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  endedReason: string | null;
  transcript: string | null;
  messages: Turn[] | null;
  recordingUrl: string | null;
  stereoRecordingUrl: string | null;
  summary: string | null;
  structuredData: Json | null;
  successEvaluation: string | null;
  costUsd: number | null;
  costBreakdown: unknown;
  transferredAt: Date | null;
  reportedAt: Date | null;
};

// Vapi's call statuses in the order a call goes through them. Anything else ("not-found",
// "deletion-failed", a status added later) never replaces a known one.
const statusOrder = ["scheduled", "queued", "ringing", "in-progress", "forwarding", "ended"];
const rank = (status: string | null | undefined) => statusOrder.indexOf(status ?? "");

function laterStatus(a: string | null | undefined, b: string | null | undefined): string | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return rank(b) > rank(a) ? b : a;
}

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : undefined);
const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
function date(value: unknown): Date | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}
const obj = (value: unknown) => (isObject(value) ? value : {});

/** Vapi's message items (`artifact.messages`, `conversation-update`) as conversation turns. */
function turnsOf(items: unknown): Turn[] | undefined {
  if (!Array.isArray(items)) return undefined;
  const turns: Turn[] = [];
  for (const item of items) {
    if (!isObject(item)) continue;
    const at = num(item.secondsFromStart) ?? null;
    const role = str(item.role);
    if (role === "bot" || role === "assistant" || role === "user") {
      const text = str(item.message) ?? str(item.content);
      if (text) turns.push({ role: role === "user" ? "user" : "assistant", text, at });
    } else if (role === "tool_calls") {
      for (const call of Array.isArray(item.toolCalls) ? item.toolCalls : []) {
        const fn = obj(obj(call).function);
        const args = typeof fn.arguments === "string" ? fn.arguments : JSON.stringify(fn.arguments ?? {});
        turns.push({ role: "tool", tool: str(fn.name) ?? "tool", text: args, at });
      }
    } else if (role === "tool_call_result") {
      turns.push({ role: "tool", tool: str(item.name) ?? "tool", text: String(item.result ?? ""), at });
    }
    // System prompts are the clinic's configuration, not the conversation: left out.
  }
  return turns;
}

/** The facts in Vapi's Call object: the `call` on every message, or what `calls.get` returns. */
export function factsFromVapiCall(call: Json, complete: boolean): CallFacts | null {
  const vapiCallId = str(call.id);
  if (!vapiCallId) return null;
  const type = str(call.type);
  const outbound = type === "outboundPhoneCall";
  const customer = str(obj(call.customer).number);
  const ours = str(obj(call.phoneNumber).number) ?? str(obj(call.phoneNumber).twilioPhoneNumber);
  const artifact = obj(call.artifact);
  const analysis = obj(call.analysis);
  const facts: CallFacts = {
    vapiCallId,
    complete,
    status: str(call.status),
    direction: type ? (outbound ? "outbound" : "inbound") : undefined,
    fromNumber: outbound ? ours : customer,
    toNumber: outbound ? customer : ours,
    vapiPhoneNumberId: str(call.phoneNumberId),
    vapiAssistantId: str(call.assistantId),
    startedAt: date(call.startedAt),
    endedAt: date(call.endedAt),
    endedReason: str(call.endedReason),
  };
  if (!complete) return facts;
  return { ...facts, ...reportFields(call, artifact, analysis) };
}

/** The fields only a full report carries authoritatively. */
function reportFields(source: Json, artifact: Json, analysis: Json): Partial<CallFacts> {
  const recording = obj(artifact.recording);
  return {
    status: "ended",
    transcript: str(artifact.transcript),
    messages: turnsOf(artifact.messages) ?? turnsOf(source.messages),
    recordingUrl: str(artifact.recordingUrl) ?? str(obj(recording.mono).combinedUrl) ?? str(source.recordingUrl),
    stereoRecordingUrl: str(artifact.stereoRecordingUrl) ?? str(recording.stereoUrl) ?? str(source.stereoRecordingUrl),
    summary: str(analysis.summary),
    structuredData: isObject(analysis.structuredData) ? analysis.structuredData : undefined,
    successEvaluation:
      analysis.successEvaluation === undefined || analysis.successEvaluation === null
        ? undefined
        : String(analysis.successEvaluation),
    costUsd: num(source.cost),
    costBreakdown: Array.isArray(source.costs)
      ? source.costs
      : isObject(source.costBreakdown)
        ? source.costBreakdown
        : undefined,
  };
}

/** The facts in one server message (`message` of Vapi's envelope). */
export function factsFromMessage(message: Json): CallFacts | null {
  const type = str(message.type) ?? "";
  const call = obj(message.call);
  // The message's own customer and number describe the same call; the call object may be partial.
  const base = factsFromVapiCall(
    {
      ...call,
      customer: isObject(call.customer) ? call.customer : message.customer,
      phoneNumber: isObject(call.phoneNumber) ? call.phoneNumber : message.phoneNumber,
      status: undefined,
      endedReason: undefined,
    },
    false,
  );
  if (!base) return null;
  const at = date(message.timestamp);
  const facts: CallFacts = { ...base, at };
  switch (type) {
    case "status-update": {
      const status = str(message.status);
      facts.status = status;
      if (status === "ended") facts.endedReason = str(message.endedReason);
      // The moment Vapi says it is talking is when the call started, as near as a message knows.
      if (status === "in-progress" && !facts.startedAt) facts.startedAt = at;
      if (status === "forwarding") facts.transferredAt = at;
      facts.messages = turnsOf(message.messages);
      facts.transcript = str(message.transcript);
      return facts;
    }
    case "end-of-call-report":
      return {
        ...facts,
        complete: true,
        ...reportFields(message, obj(message.artifact), obj(message.analysis)),
        startedAt: date(message.startedAt) ?? facts.startedAt,
        endedAt: date(message.endedAt) ?? facts.endedAt,
        endedReason: str(message.endedReason),
      };
    case "conversation-update":
      return { ...facts, status: "in-progress", messages: turnsOf(message.messages) };
    case "transfer-update":
      return { ...facts, status: "in-progress", transferredAt: at };
    case "transcript":
    case 'transcript[transcriptType="final"]': {
      // Final lines are kept as they come, so the dashboard can show the call as it happens;
      // partial ones are rewritten by the speaker a moment later and are left out.
      const final = type !== "transcript" || message.transcriptType === "final";
      const role = str(message.role);
      const text = str(message.transcript)?.trim();
      if (final && text && (role === "user" || role === "assistant")) facts.line = { role, text };
      return { ...facts, status: "in-progress" };
    }
    case "speech-update":
    case "user-interrupted":
    case "hang":
      return { ...facts, status: "in-progress" };
    default:
      // A type we don't know yet still tells us the call exists.
      return facts;
  }
}

const earliest = (a: Date | null, b: Date | undefined) => (!b ? a : !a || b < a ? b : a);
const latest = (a: Date | null, b: Date | undefined) => (!b ? a : !a || b > a ? b : a);
const longer = <T extends { length: number }>(a: T | null, b: T | undefined) =>
  !b ? a : !a || b.length > a.length ? b : a;

export const emptyCall = (): CallState => ({
  status: "queued",
  direction: "inbound",
  fromNumber: null,
  toNumber: null,
  startedAt: null,
  endedAt: null,
  durationSeconds: null,
  endedReason: null,
  transcript: null,
  messages: null,
  recordingUrl: null,
  stereoRecordingUrl: null,
  summary: null,
  structuredData: null,
  successEvaluation: null,
  costUsd: null,
  costBreakdown: null,
  transferredAt: null,
  reportedAt: null,
});

/**
 * `messages` with a transcript message's line, unless a turn already says it (the conversation
 * update repeats lines, and messages come twice). Lines sit in the order they were spoken.
 */
function withLine(messages: Turn[] | null, facts: CallFacts, startedAt: Date | null): Turn[] | null {
  const line = facts.line;
  if (!line) return messages;
  if (messages?.some((turn) => turn.role === line.role && turn.text === line.text)) return messages;
  const at = facts.at && startedAt ? Math.max(0, Math.round((facts.at.getTime() - startedAt.getTime()) / 1000)) : null;
  const turns = [...(messages ?? []), { ...line, at }];
  return at === null ? turns : turns.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
}

/**
 * The call after `facts`. Commutative for any set of partial messages and one report (or the
 * same report twice): the report's fields replace partial ones, partial ones arriving after it
 * change nothing it decided, and statuses and times only move one way.
 */
export function mergeCall(state: CallState, facts: CallFacts, now = new Date()): CallState {
  const next: CallState = {
    ...state,
    status: laterStatus(state.status, facts.status) ?? state.status,
    direction: facts.direction ?? state.direction,
    fromNumber: state.fromNumber ?? facts.fromNumber ?? null,
    toNumber: state.toNumber ?? facts.toNumber ?? null,
    startedAt: earliest(state.startedAt, facts.startedAt),
    endedAt: latest(state.endedAt, facts.endedAt),
    transferredAt: earliest(state.transferredAt, facts.transferredAt),
  };
  if (facts.complete) {
    Object.assign(next, {
      endedReason: facts.endedReason ?? null,
      transcript: facts.transcript ?? null,
      messages: facts.messages ?? null,
      recordingUrl: facts.recordingUrl ?? null,
      stereoRecordingUrl: facts.stereoRecordingUrl ?? null,
      summary: facts.summary ?? null,
      structuredData: facts.structuredData ?? null,
      successEvaluation: facts.successEvaluation ?? null,
      costUsd: facts.costUsd ?? null,
      costBreakdown: facts.costBreakdown ?? null,
      reportedAt: state.reportedAt ?? facts.at ?? now,
    });
  } else if (!state.reportedAt) {
    next.endedReason = state.endedReason ?? facts.endedReason ?? null;
    next.transcript = longer(state.transcript, facts.transcript);
    next.messages = withLine(longer(state.messages, facts.messages), facts, next.startedAt);
  }
  next.durationSeconds =
    next.startedAt && next.endedAt
      ? Math.max(0, Math.round((next.endedAt.getTime() - next.startedAt.getTime()) / 1000))
      : null;
  return next;
}

/** What staff did on the call through the agent, from its appointments and audit rows. */
export type CallActions = { booked: boolean; rescheduled: boolean; cancelled: boolean };

const failedReason = /error|fail|fault|unknown|not-found|invalid|no-server|blocked/;
const unansweredReason = /customer-busy|customer-did-not-answer|did-not-give-microphone/;

/**
 * How the call went, once it has ended. A change made on the call wins (a caller who booked and
 * then hung up booked); then a transfer, voicemail, a failure, a caller who never spoke.
 */
export function outcomeOf(call: CallState, actions: CallActions): CallOutcome | null {
  if (call.status !== "ended") return null;
  if (actions.rescheduled) return "rescheduled";
  if (actions.booked) return "booked";
  if (actions.cancelled) return "cancelled";
  const reason = call.endedReason ?? "";
  if (call.transferredAt || /forward|transfer/.test(reason)) return "transferred";
  if (reason.includes("voicemail")) return "voicemail";
  if (failedReason.test(reason) && !reason.startsWith("customer-")) return "failed";
  const callerSpoke = (call.messages ?? []).some((turn) => turn.role === "user");
  if (unansweredReason.test(reason) || !callerSpoke) return "abandoned";
  return "information";
}

/** Tools the agent uses when a caller wants an appointment. */
const schedulingTools = new Set(["checkAvailability", "bookAppointment", "rescheduleAppointment"]);

/**
 * Whether the caller asked for an appointment: the agent looked for or offered times, or a
 * booking or a move was made. The denominator of booking conversion.
 */
export const askedToBook = (call: CallState, actions: CallActions) =>
  actions.booked ||
  actions.rescheduled ||
  (call.messages ?? []).some((turn) => turn.role === "tool" && schedulingTools.has(turn.tool ?? ""));
