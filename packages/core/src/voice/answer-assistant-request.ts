// `assistant-request`: an inbound call is ringing and Vapi asks which assistant answers it.
// It sits inside Vapi's 7.5 s call-setup budget, so it is one lookup, one insert and no calls
// out: the synced assistant's id, or the whole assistant inline when it has not been synced.
import { openCall } from "../calls/open-call";
import type { VoiceDeps } from "./deps";
import { callerNumber, type Line, resolveLine } from "./resolve-line";
import type { VapiMessage } from "./schemas";
import { hoursInWords, localParts, WEEKDAYS } from "./speech";
import { voiceTools } from "./tools";

export const NO_SERVICE_MESSAGE =
  "Sorry, this number is not taking calls right now. Please try again later or contact the clinic another way.";

/** The server messages a Frontdesk assistant sends back (transcripts included, chatter left out). */
export const SERVER_MESSAGES = [
  "assistant-request",
  "tool-calls",
  "transfer-destination-request",
  "status-update",
  "end-of-call-report",
  'transcript[transcriptType="final"]',
  "hang",
  "user-interrupted",
  "transfer-update",
] as const;

/** The values `{{clinicName}}`, `{{today}}`, … in a prompt or first message are filled with. */
function variableValues(line: Line, now: Date) {
  const today = localParts(now, line.clinic.timezone);
  return {
    clinicName: line.clinic.name,
    today: today.date,
    weekday: WEEKDAYS[today.weekday] as string,
    timezone: line.clinic.timezone,
    openingHours: hoursInWords(line.hours),
    address: line.clinic.address ?? "not on file",
    clinicPhone: line.clinic.phone ?? "not on file",
  };
}

const DEFAULT_PROMPT = [
  "You are the friendly receptionist of {{clinicName}}. Today is {{weekday}}, {{today}} ({{timezone}}).",
  "Opening hours: {{openingHours}}. Address: {{address}}.",
  "Help callers book, move or cancel appointments and answer questions about the clinic.",
].join(" ");

const TOOL_RULES = [
  "Use your tools for every fact about times and appointments; never invent a time, a price or an appointment.",
  "Offer only times checkAvailability returned, read them as its `spoken` text, and pass `startsAt` back unchanged.",
  "Before booking, get the patient's first and last name and confirm the time and the kind of visit.",
  "Callers can only see and change their own appointments.",
  "If a tool returns an error, say its message in your own words and offer what it suggests.",
  "If the caller needs a person, call transferToHuman and follow what it says.",
  "Never give medical advice; for an emergency tell the caller to hang up and call emergency services.",
].join(" ");

/** The full assistant for Vapi to run inline, when ours has not been synced to Vapi (yet). */
function transientAssistant(line: Line, deps: AssistantDeps) {
  const a = line.assistant;
  return {
    name: (a?.name ?? `${line.clinic.name} receptionist`).slice(0, 40),
    firstMessage: a?.firstMessage ?? "Thank you for calling {{clinicName}}. How can I help you today?",
    model: {
      provider: a?.modelProvider ?? "openai",
      model: a?.model ?? "gpt-4o",
      messages: [{ role: "system", content: `${a?.systemPrompt ?? DEFAULT_PROMPT}\n\n${TOOL_RULES}` }],
      tools: voiceTools,
      temperature: 0.3,
    },
    voice: { provider: a?.voiceProvider ?? "vapi", voiceId: a?.voiceId ?? "Elliot" },
    server: { url: deps.webhookUrl, headers: { "X-Vapi-Secret": deps.webhookSecret } },
    serverMessages: SERVER_MESSAGES,
    metadata: { clinicId: line.clinic.id, assistantId: a?.id ?? null },
  };
}

type AssistantDeps = Pick<VoiceDeps, "webhookUrl" | "webhookSecret">;

/**
 * Who answers on `line`: the synced assistant's Vapi id, or the whole assistant inline, with the
 * clinic's variables. Inbound calls (assistant-request) and test calls (calls.create) send this.
 */
export function assistantForLine(line: Line, deps: AssistantDeps, now: Date) {
  const assistantOverrides = { variableValues: variableValues(line, now) };
  if (line.assistant?.synced && line.assistant.vapiAssistantId) {
    return { assistantId: line.assistant.vapiAssistantId, assistantOverrides };
  }
  return { assistant: transientAssistant(line, deps), assistantOverrides };
}

export async function answerAssistantRequest(deps: VoiceDeps, message: VapiMessage) {
  const line = await resolveLine(deps.rootDb, message);
  if (!line?.inService) return { error: NO_SERVICE_MESSAGE };
  const now = deps.now?.() ?? new Date();
  const vapiCallId = message.call?.id;
  if (vapiCallId) {
    await openCall(deps.rootDb, {
      clinicId: line.clinic.id,
      vapiCallId,
      assistantId: line.assistant?.id,
      phoneNumberId: line.phoneNumberId,
      fromNumber: callerNumber(message),
      toNumber: line.e164,
      status: "ringing",
    });
  }
  return assistantForLine(line, deps, now);
}
