// The one Frontdesk assistant, as Vapi takes it. The worker syncs it to Vapi (tools by id) and
// assistant-request sends it inline while a sync is outstanding (tools inline): the caller gets
// the same receptionist either way.
import { DEFAULT_FIRST_MESSAGE, DEFAULT_PROMPT } from "../assistants/schemas";
import { CallOutcome } from "../generated/prisma/enums";
import type { VoiceToolDefinition } from "./tools";

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

const TOOL_RULES = [
  "Use your tools for every fact about times and appointments; never invent a time, a price or an appointment.",
  "Offer only times checkAvailability returned, read them as its `spoken` text, and pass `startsAt` back unchanged.",
  "Before booking, get the patient's first and last name and confirm the time and the kind of visit.",
  "Callers can only see and change their own appointments.",
  "If a tool returns an error, say its message in your own words and offer what it suggests.",
  "If the caller needs a person, call transferToHuman and follow what it says.",
  "Never give medical advice; for an emergency tell the caller to hang up and call emergency services.",
].join(" ");

/** What the end-of-call analysis extracts, so a call's outcome does not depend on a transcript read. */
const OUTCOME_SCHEMA = {
  type: "object",
  properties: {
    outcome: {
      type: "string",
      enum: Object.values(CallOutcome),
      description: "What the call achieved for the caller.",
    },
    patientName: { type: "string", description: "The caller's or patient's full name, if given." },
    reason: { type: "string", description: "Why they called, in a few words." },
  },
  required: ["outcome"],
};

export type AssistantSettings = {
  id: string;
  name: string;
  systemPrompt: string;
  firstMessage: string;
  voiceProvider: string;
  voiceId: string;
  modelProvider: string;
  model: string;
};

export type AssistantServer = { webhookUrl: string; webhookSecret: string | undefined };

/** The Vapi assistant for a clinic's settings (`null`: the clinic has none yet, so the defaults). */
export function assistantConfig(
  clinic: { id: string; name: string },
  a: AssistantSettings | null,
  server: AssistantServer,
  tools: { toolIds: string[] } | { tools: VoiceToolDefinition[] },
) {
  return {
    name: (a?.name ?? `${clinic.name} receptionist`).slice(0, 40),
    firstMessage: a?.firstMessage || DEFAULT_FIRST_MESSAGE,
    // Sent whole: Vapi requires provider and model whenever `model` is sent, updates included.
    model: {
      provider: a?.modelProvider ?? "openai",
      model: a?.model ?? "gpt-4o",
      messages: [{ role: "system", content: `${a?.systemPrompt ?? DEFAULT_PROMPT}\n\n${TOOL_RULES}` }],
      ...tools,
      temperature: 0.3,
    },
    voice: { provider: a?.voiceProvider ?? "vapi", voiceId: a?.voiceId ?? "Elliot" },
    server: { url: server.webhookUrl, headers: { "X-Vapi-Secret": server.webhookSecret } },
    serverMessages: [...SERVER_MESSAGES],
    analysisPlan: { structuredDataPlan: { enabled: true, schema: OUTCOME_SCHEMA } },
    metadata: { clinicId: clinic.id, assistantId: a?.id ?? null },
  };
}

export type VapiAssistantConfig = ReturnType<typeof assistantConfig>;
