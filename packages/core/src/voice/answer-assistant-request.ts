// `assistant-request`: an inbound call is ringing and Vapi asks which assistant answers it.
// It sits inside Vapi's 7.5 s call-setup budget, so it is one lookup, one insert and no calls
// out: the synced assistant's id, or the whole assistant inline when it has not been synced.
import { openCall } from "../calls/open-call";
import { assistantConfig } from "./assistant-config";
import type { VoiceDeps } from "./deps";
import { callerNumber, type Line, resolveLine } from "./resolve-line";
import type { VapiMessage } from "./schemas";
import { hoursInWords, localParts, WEEKDAYS } from "./speech";
import { voiceTools } from "./tools";

export const NO_SERVICE_MESSAGE =
  "Sorry, this number is not taking calls right now. Please try again later or contact the clinic another way.";

/** The values `{{clinicName}}`, `{{today}}`, … in a prompt or first message are filled with. */
export function variableValues(
  line: { clinic: Pick<Line["clinic"], "name" | "timezone" | "address" | "phone">; hours: Line["hours"] },
  now: Date,
) {
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

/** The full assistant for Vapi to run inline, when ours has not been synced to Vapi (yet). */
const transientAssistant = (line: Line, deps: AssistantDeps) =>
  assistantConfig(line.clinic, line.assistant, deps, { tools: voiceTools });

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
