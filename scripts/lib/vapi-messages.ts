// Vapi server messages as Vapi sends them (shapes from @vapi-ai/server-sdk 2.0.1, see
// ../shared/notes/vapi-reference.md): the simulator plays them against a running Frontdesk and
// the tests feed them to the worker. Every message carries the common fields (`timestamp`,
// `call`, `customer`, `phoneNumber`).
import { randomUUID } from "node:crypto";

export type VapiCallSetup = {
  /** Vapi's call id. */
  id: string;
  /** The caller. */
  customer: string;
  /** The clinic's number that was called. */
  clinicNumber: string;
  startedAt: Date;
  vapiPhoneNumberId?: string;
};

/** An artifact message item (`artifact.messages[]`, `conversation-update.messages[]`). */
export type MessageItem = Record<string, unknown> & { role: string; secondsFromStart: number };

export function newCall(customer: string, clinicNumber: string, startedAt = new Date()): VapiCallSetup {
  return { id: randomUUID(), customer, clinicNumber, startedAt, vapiPhoneNumberId: randomUUID() };
}

/** Vapi's Call object as it rides on each message (and as `GET /call/:id` returns it). */
export function callObject(call: VapiCallSetup, extra: Record<string, unknown> = {}) {
  return {
    id: call.id,
    orgId: "00000000-0000-4000-8000-000000000000",
    type: "inboundPhoneCall",
    phoneNumberId: call.vapiPhoneNumberId,
    customer: { number: call.customer },
    createdAt: call.startedAt.toISOString(),
    ...extra,
  };
}

const common = (call: VapiCallSetup, at: Date) => ({
  timestamp: at.getTime(),
  call: callObject(call),
  customer: { number: call.customer },
  // Vapi includes the number's provider credentials here; the route must redact them.
  phoneNumber: {
    number: call.clinicNumber,
    provider: "twilio",
    twilioAccountSid: "AC00000000000000000000000000000000",
  },
});

const secondsAfter = (call: VapiCallSetup, seconds: number) => new Date(call.startedAt.getTime() + seconds * 1000);

export const assistantRequest = (call: VapiCallSetup) => ({
  message: { type: "assistant-request", ...common(call, call.startedAt) },
});

export const statusUpdate = (
  call: VapiCallSetup,
  status: string,
  seconds: number,
  extra: Record<string, unknown> = {},
) => ({
  message: { type: "status-update", status, ...common(call, secondsAfter(call, seconds)), ...extra },
});

export const speechUpdate = (
  call: VapiCallSetup,
  role: "assistant" | "user",
  status: "started" | "stopped",
  seconds: number,
) => ({
  message: { type: "speech-update", role, status, ...common(call, secondsAfter(call, seconds)) },
});

export const finalTranscript = (call: VapiCallSetup, role: "assistant" | "user", text: string, seconds: number) => ({
  message: {
    type: "transcript",
    role,
    transcriptType: "final",
    transcript: text,
    ...common(call, secondsAfter(call, seconds)),
  },
});

export const conversationUpdate = (call: VapiCallSetup, items: MessageItem[], seconds: number) => ({
  message: {
    type: "conversation-update",
    messages: items,
    messagesOpenAIFormatted: items
      .filter((m) => m.role === "bot" || m.role === "user")
      .map((m) => ({ role: m.role === "bot" ? "assistant" : "user", content: m.message })),
    ...common(call, secondsAfter(call, seconds)),
  },
});

export const transferUpdate = (call: VapiCallSetup, number: string, seconds: number) => ({
  message: {
    type: "transfer-update",
    destination: { type: "number", number },
    ...common(call, secondsAfter(call, seconds)),
  },
});

/** One tool call as the model makes it; arguments are a JSON string, as the SDK types them. */
export function toolCallsMessage(
  call: VapiCallSetup,
  calls: { id?: string; name: string; arguments: Record<string, unknown> }[],
  seconds: number,
) {
  const toolCallList = calls.map((c) => ({
    id: c.id ?? `call_${randomUUID().replace(/-/g, "").slice(0, 24)}`,
    type: "function",
    function: { name: c.name, arguments: JSON.stringify(c.arguments) },
  }));
  return {
    message: {
      type: "tool-calls",
      toolCallList,
      toolWithToolCallList: toolCallList.map((toolCall) => ({
        type: "function",
        function: { name: toolCall.function.name },
        toolCall,
      })),
      ...common(call, secondsAfter(call, seconds)),
    },
  };
}

/** The turns of a conversation as artifact message items. */
export function conversation(call: VapiCallSetup, turns: { role: "bot" | "user"; text: string; seconds: number }[]) {
  return turns.map<MessageItem>((t) => ({
    role: t.role,
    message: t.text,
    time: secondsAfter(call, t.seconds).getTime(),
    endTime: secondsAfter(call, t.seconds + 2).getTime(),
    secondsFromStart: t.seconds,
    duration: 2000,
  }));
}

export type Report = {
  endedReason: string;
  seconds: number;
  items: MessageItem[];
  summary: string;
  structuredData?: Record<string, unknown>;
  successEvaluation?: string;
  cost: number;
};

export function endOfCallReport(call: VapiCallSetup, report: Report) {
  const endedAt = secondsAfter(call, report.seconds);
  const transcript = report.items
    .filter((m) => m.role === "bot" || m.role === "user")
    .map((m) => `${m.role === "bot" ? "AI" : "User"}: ${m.message}`)
    .join("\n");
  const recordings = `https://storage.vapi.ai/${call.id}`;
  const costs = [
    { type: "transport", provider: "twilio", minutes: report.seconds / 60, cost: +(report.cost * 0.1).toFixed(4) },
    {
      type: "transcriber",
      transcriber: { provider: "deepgram", model: "nova-2" },
      minutes: report.seconds / 60,
      cost: +(report.cost * 0.2).toFixed(4),
    },
    {
      type: "model",
      model: { provider: "openai", model: "gpt-4o" },
      promptTokens: 4200,
      completionTokens: 310,
      cost: +(report.cost * 0.3).toFixed(4),
    },
    {
      type: "voice",
      voice: { provider: "vapi", voiceId: "Elliot" },
      characters: 900,
      cost: +(report.cost * 0.25).toFixed(4),
    },
    { type: "vapi", subType: "normal", minutes: report.seconds / 60, cost: +(report.cost * 0.15).toFixed(4) },
  ];
  return {
    message: {
      type: "end-of-call-report",
      endedReason: report.endedReason,
      startedAt: call.startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      cost: report.cost,
      costs,
      artifact: {
        transcript,
        messages: [
          { role: "system", message: "You are the receptionist…", time: call.startedAt.getTime(), secondsFromStart: 0 },
          ...report.items,
        ],
        recordingUrl: `${recordings}-mono.wav`,
        stereoRecordingUrl: `${recordings}-stereo.wav`,
        recording: { stereoUrl: `${recordings}-stereo.wav`, mono: { combinedUrl: `${recordings}-mono.wav` } },
      },
      analysis: {
        summary: report.summary,
        structuredData: report.structuredData,
        successEvaluation: report.successEvaluation,
      },
      ...common(call, new Date(endedAt.getTime() + 4000)),
    },
  };
}
