import { describe, expect, it } from "vitest";
import {
  conversation,
  conversationUpdate,
  endOfCallReport,
  finalTranscript,
  newCall,
  statusUpdate,
  transferUpdate,
} from "../../../../scripts/lib/vapi-messages";
import { askedToBook, type CallState, emptyCall, factsFromMessage, mergeCall, outcomeOf } from "./call-facts";

const call = newCall("+14155550123", "+13125550100", new Date("2026-11-20T15:00:00Z"));
const items = conversation(call, [
  { role: "bot", text: "Thanks for calling Bright Smiles, how can I help?", seconds: 1 },
  { role: "user", text: "I'd like a cleaning next week.", seconds: 4 },
  { role: "bot", text: "Tuesday at 9 works. Shall I book it?", seconds: 9 },
  { role: "user", text: "Yes please.", seconds: 12 },
]);
const report = endOfCallReport(call, {
  endedReason: "customer-ended-call",
  seconds: 95,
  items,
  summary: "Booked a cleaning.",
  structuredData: { appointmentType: "Cleaning" },
  successEvaluation: "true",
  cost: 0.1234,
});

function* permutations<T>(items: T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (let i = 0; i < items.length; i++) {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) yield [items[i] as T, ...rest];
  }
}

const fold = (messages: { message: Record<string, unknown> }[]) =>
  messages.reduce<CallState>((state, m) => {
    const facts = factsFromMessage(m.message);
    if (!facts) throw new Error("no facts");
    return mergeCall(state, facts, new Date("2026-11-20T16:00:00Z"));
  }, emptyCall());

describe("combining a call's messages", () => {
  const messages = [
    statusUpdate(call, "ringing", 0),
    statusUpdate(call, "in-progress", 1),
    conversationUpdate(call, items.slice(0, 2), 5),
    conversationUpdate(call, items, 13),
    finalTranscript(call, "user", "Yes please.", 12),
    statusUpdate(call, "ended", 96, { endedReason: "customer-ended-call" }),
    report,
  ];

  it("reads the report: times, duration, transcript, recording, analysis and cost", () => {
    const state = fold(messages);
    expect(state).toMatchObject({
      status: "ended",
      direction: "inbound",
      fromNumber: "+14155550123",
      toNumber: "+13125550100",
      startedAt: call.startedAt,
      endedAt: new Date("2026-11-20T15:01:35Z"),
      durationSeconds: 95,
      endedReason: "customer-ended-call",
      summary: "Booked a cleaning.",
      structuredData: { appointmentType: "Cleaning" },
      successEvaluation: "true",
      costUsd: 0.1234,
      recordingUrl: `https://storage.vapi.ai/${call.id}-mono.wav`,
      stereoRecordingUrl: `https://storage.vapi.ai/${call.id}-stereo.wav`,
    });
    // The system prompt is configuration, not conversation.
    expect(state.messages?.map((t) => t.role)).toEqual(["assistant", "user", "assistant", "user"]);
    expect(state.transcript).toContain("User: Yes please.");
    expect(state.costBreakdown).toHaveLength(5);
  });

  it("ends up the same in every order, and with every message delivered twice", () => {
    const expected = fold(messages);
    // Every order of the seven messages: one distinct result (compared as JSON to stay fast).
    const results = new Set<string>();
    let orders = 0;
    for (const order of permutations(messages)) {
      results.add(JSON.stringify(fold(order)));
      orders += 1;
    }
    expect(orders).toBe(5040);
    expect([...results]).toEqual([JSON.stringify(expected)]);
    expect(fold([...messages].reverse().flatMap((m) => [m, m]))).toEqual(expected);
    expect(fold([report, ...messages, report, messages[2] as (typeof messages)[number]])).toEqual(expected);
  }, 30_000);

  it("keeps partial data until a report arrives, and never moves the status back", () => {
    const live = fold([conversationUpdate(call, items, 13), statusUpdate(call, "ringing", 0)]);
    expect(live.status).toBe("in-progress");
    expect(live.messages).toHaveLength(4);
    expect(live.reportedAt).toBeNull();
    // A shorter conversation-update arriving late does not shrink the transcript.
    expect(
      fold([conversationUpdate(call, items, 13), conversationUpdate(call, items.slice(0, 1), 2)]).messages,
    ).toHaveLength(4);
  });

  it("lets the report replace partial data and ignores partial data after it", () => {
    const partialFirst = fold([statusUpdate(call, "ended", 96, { endedReason: "silence-timed-out" }), report]);
    const reportFirst = fold([report, statusUpdate(call, "ended", 96, { endedReason: "silence-timed-out" })]);
    expect(partialFirst.endedReason).toBe("customer-ended-call");
    expect(reportFirst.endedReason).toBe("customer-ended-call");
  });

  it("ignores a message that names no call", () => {
    expect(factsFromMessage({ type: "status-update", status: "ended" })).toBeNull();
  });
});

describe("the outcome", () => {
  const ended = fold([report]);
  const none = { booked: false, rescheduled: false, cancelled: false };

  it("is decided only once the call has ended", () => {
    expect(outcomeOf(fold([statusUpdate(call, "in-progress", 1)]), { ...none, booked: true })).toBeNull();
  });

  it("is what was done on the call before anything else", () => {
    expect(outcomeOf(ended, { ...none, booked: true })).toBe("booked");
    expect(outcomeOf(ended, { ...none, rescheduled: true, booked: true })).toBe("rescheduled");
    expect(outcomeOf(ended, { ...none, cancelled: true })).toBe("cancelled");
    expect(outcomeOf(ended, none)).toBe("information");
  });

  it("tells transfers, voicemail, failures and abandoned calls apart", () => {
    const transferred = fold([report, transferUpdate(call, "+13125550199", 60)]);
    expect(outcomeOf(transferred, none)).toBe("transferred");
    const withReason = (endedReason: string, spoken = items) =>
      fold([endOfCallReport(call, { endedReason, seconds: 20, items: spoken, summary: "", cost: 0.01 })]);
    expect(outcomeOf(withReason("assistant-forwarded-call"), none)).toBe("transferred");
    expect(outcomeOf(withReason("voicemail"), none)).toBe("voicemail");
    expect(outcomeOf(withReason("pipeline-error-openai-llm-failed"), none)).toBe("failed");
    expect(outcomeOf(withReason("twilio-failed-to-connect-call"), none)).toBe("failed");
    expect(outcomeOf(withReason("customer-ended-call", items.slice(0, 1)), none)).toBe("abandoned");
    expect(outcomeOf(withReason("silence-timed-out", items.slice(0, 1)), none)).toBe("abandoned");
    expect(outcomeOf(withReason("silence-timed-out"), none)).toBe("information");
  });
});

describe("whether the caller asked for an appointment", () => {
  const none = { booked: false, rescheduled: false, cancelled: false };
  const withTurns = (tools: string[]): CallState => ({
    ...fold([report]),
    messages: tools.map((tool) => ({ role: "tool" as const, tool, text: "{}", at: null })),
  });

  it("is yes when the agent looked for times or a booking or move was made, and no otherwise", () => {
    expect(askedToBook(withTurns(["checkAvailability"]), none)).toBe(true);
    expect(askedToBook(withTurns(["getClinicInfo", "rescheduleAppointment"]), none)).toBe(true);
    expect(askedToBook(withTurns([]), { ...none, booked: true })).toBe(true);
    expect(askedToBook(withTurns(["getClinicInfo", "cancelAppointment", "transferToHuman"]), none)).toBe(false);
    expect(askedToBook(withTurns([]), { ...none, cancelled: true })).toBe(false);
  });
});

describe("a call's lines as they are spoken", () => {
  const partial = (text: string) => ({
    message: { ...finalTranscript(call, "user", text, 3).message, transcriptType: "partial" },
  });

  it("keeps final transcript lines in spoken order, once each, and leaves partial ones out", () => {
    const state = fold([
      statusUpdate(call, "in-progress", 1),
      finalTranscript(call, "user", "I'd like a cleaning next week.", 4),
      partial("Tuesday at"),
      finalTranscript(call, "assistant", "Thanks for calling Bright Smiles, how can I help?", 1),
      finalTranscript(call, "user", "I'd like a cleaning next week.", 4),
    ]);
    // Seconds from when the call started (the "in-progress" status, at 1 s).
    expect(state.messages).toEqual([
      { role: "assistant", text: "Thanks for calling Bright Smiles, how can I help?", at: 0 },
      { role: "user", text: "I'd like a cleaning next week.", at: 3 },
    ]);
  });

  it("gives way to the conversation update and the report, which say the same lines and more", () => {
    const lines = fold([statusUpdate(call, "in-progress", 1), finalTranscript(call, "user", "Yes please.", 12)]);
    expect(lines.messages).toHaveLength(1);
    const updated = fold([
      statusUpdate(call, "in-progress", 1),
      finalTranscript(call, "user", "Yes please.", 12),
      conversationUpdate(call, items, 13),
      finalTranscript(call, "user", "Yes please.", 12),
    ]);
    expect(updated.messages?.map((t) => t.text)).toEqual(items.map((i) => i.message));
  });
});
