// npm run simulate:call — plays a realistic inbound call against a running Frontdesk, as Vapi
// would: assistant-request, status updates, transcripts, the agent's tool calls (the answers
// decide what the caller says next), a conversation update, the end of the call and the
// end-of-call report with a summary and cost. Every request is signed like Vapi's
// (X-Vapi-Secret). The call then shows up in the dashboard under Calls.
//
//   npm run simulate:call -- [--scenario book|reschedule|cancel|transfer|hang-up]
//                            [--from +14155550142] [--to +15555550100] [--name "Jordan Lee"]
//                            [--url http://localhost:3000] [--secret <VAPI_WEBHOOK_SECRET>] [--pace 400]
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadDotEnv } from "./lib/dotenv";
import { repoRoot } from "./lib/migrations";
import {
  conversation,
  conversationUpdate,
  endOfCallReport,
  finalTranscript,
  type MessageItem,
  newCall,
  speechUpdate,
  statusUpdate,
  toolCallsMessage,
  transferUpdate,
  assistantRequest as vapiAssistantRequest,
} from "./lib/vapi-messages";

const scenarios = ["book", "reschedule", "cancel", "transfer", "hang-up"] as const;
type Scenario = (typeof scenarios)[number];

const usage = `usage: npm run simulate:call -- [--scenario ${scenarios.join("|")}] [--from <caller E.164>] [--to <clinic number E.164>] [--name <caller's name>] [--url <Frontdesk URL>] [--secret <VAPI_WEBHOOK_SECRET>] [--pace <ms between messages>]`;

const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: "book" },
    from: { type: "string", default: "+14155550142" },
    to: { type: "string", default: "+15555550100" },
    name: { type: "string", default: "Jordan Lee" },
    url: { type: "string" },
    secret: { type: "string" },
    pace: { type: "string", default: "0" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const fail = (message: string): never => {
  console.error(`simulate:call: ${message}`);
  process.exit(1);
};
if (!(scenarios as readonly string[]).includes(values.scenario))
  fail(`unknown scenario "${values.scenario}"\n${usage}`);
const e164 = /^\+[1-9]\d{6,14}$/;
if (!e164.test(values.from)) fail(`--from must be an E.164 number like +14155550142, not "${values.from}"`);
if (!e164.test(values.to)) fail(`--to must be an E.164 number like +15555550100, not "${values.to}"`);
const scenario = values.scenario as Scenario;
const pace = Number(values.pace) || 0;

// The same secret `npm run dev` gave the web app (it keeps it in .data/dev.env).
loadDotEnv();
const devEnv = path.join(repoRoot, ".data", "dev.env");
if (existsSync(devEnv)) process.loadEnvFile(devEnv);
const secret = values.secret ?? process.env.VAPI_WEBHOOK_SECRET;
if (!secret)
  fail("no webhook secret: pass --secret or set VAPI_WEBHOOK_SECRET (npm run dev makes one in .data/dev.env)");
const baseUrl = (values.url ?? process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(
  /\/$/,
  "",
);
const webhook = `${baseUrl}/api/vapi/webhook`;

const call = newCall(values.from, values.to);
const startedAt = Date.now();
const seconds = () => Math.round((Date.now() - startedAt) / 1000) + spoken;
let spoken = 0; // simulated talking time, so timestamps read like a real call even without --pace
const items: MessageItem[] = [];
const say = (role: "bot" | "user", text: string) => {
  spoken += Math.max(2, Math.round(text.length / 14));
  const [item] = conversation(call, [{ role, text, seconds: seconds() }]);
  items.push(item as MessageItem);
  console.log(`  ${role === "bot" ? "Receptionist" : "Caller      "} ${text}`);
  return send(finalTranscript(call, role === "bot" ? "assistant" : "user", text, seconds()));
};

async function post(body: unknown): Promise<unknown> {
  if (pace) await new Promise((resolve) => setTimeout(resolve, pace));
  const response = await fetch(webhook, {
    method: "POST",
    headers: { "content-type": "application/json", "x-vapi-secret": secret as string },
    body: JSON.stringify(body),
  }).catch((error: Error) => fail(`cannot reach ${webhook} (${error.message}); is Frontdesk running (npm run dev)?`));
  const text = await response.text();
  if (response.status !== 200) fail(`${webhook} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}
const send = (body: { message: { type: string } }) => post(body);

type ToolResult = { toolCallId: string; name?: string; result?: string; error?: string };

/** One tool call as the model makes it; returns the parsed result (or the error words). */
async function tool(name: string, args: Record<string, unknown>) {
  const request = toolCallsMessage(call, [{ name, arguments: args }], seconds());
  const id = request.message.toolCallList[0]?.id as string;
  items.push({
    role: "tool_calls",
    toolCalls: request.message.toolCallList,
    message: "",
    time: Date.now(),
    secondsFromStart: seconds(),
  });
  const answer = (await post(request)) as { results?: ToolResult[] };
  const result = answer?.results?.find((r) => r.toolCallId === id);
  if (!result) fail(`${name}: no result for tool call ${id} in ${JSON.stringify(answer)}`);
  const text = (result as ToolResult).result ?? (result as ToolResult).error ?? "";
  items.push({
    role: "tool_call_result",
    name,
    result: text,
    toolCallId: id,
    time: Date.now(),
    secondsFromStart: seconds(),
  });
  console.log(`  ${"tool".padEnd(12)} ${name}(${JSON.stringify(args)}) → ${text.slice(0, 200)}`);
  if ((result as ToolResult).error) return { error: (result as ToolResult).error as string };
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { say: text };
  }
}

const sayOf = (result: Record<string, unknown>, fallback: string) =>
  typeof result.say === "string" ? result.say : typeof result.error === "string" ? result.error : fallback;

type Slot = { startsAt: string; spoken?: string; provider?: string };
const firstSlot = (result: Record<string, unknown>) =>
  Array.isArray(result.slots) ? (result.slots[0] as Slot) : undefined;

/** Tuesday of next week, as the caller would say "next week". */
function nextWeek() {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7 || 7) + 1);
  return day.toISOString().slice(0, 10);
}

type Upcoming = { appointmentId?: string; id?: string; spoken?: string; startsAt?: string; appointmentType?: string };
const appointmentsOf = (result: Record<string, unknown>) =>
  (Array.isArray(result.appointments) ? result.appointments : []) as Upcoming[];

async function play(): Promise<{ endedReason: string; summary: string; structured: Record<string, unknown> }> {
  switch (scenario) {
    case "book": {
      await say("user", "Hi, I'd like to book a cleaning sometime next week, mornings if possible.");
      const found = await tool("checkAvailability", {
        date: nextWeek(),
        appointmentType: "Cleaning",
        partOfDay: "morning",
      });
      const slot = firstSlot(found);
      if (!slot) {
        await say("bot", sayOf(found, "I'm sorry, I don't see any openings next week."));
        return {
          endedReason: "customer-ended-call",
          summary: "The caller asked for a cleaning next week; nothing was open.",
          structured: { appointmentType: "Cleaning" },
        };
      }
      await say("bot", `The first opening is ${slot.spoken ?? slot.startsAt}. Would that work?`);
      await say("user", `Yes, that works. My name is ${values.name}.`);
      const booked = await tool("bookAppointment", {
        startsAt: slot.startsAt,
        appointmentType: "Cleaning",
        patientName: values.name,
      });
      await say("bot", sayOf(booked, `You're all set, ${values.name}. You'll get a text confirmation shortly.`));
      await say("user", "Great, thank you. Bye!");
      return {
        endedReason: "customer-ended-call",
        summary: `${values.name} called to book a cleaning next week and was booked for ${slot.spoken ?? slot.startsAt}.`,
        structured: { intent: "book", appointmentType: "Cleaning", patientName: values.name, startsAt: slot.startsAt },
      };
    }
    case "reschedule":
    case "cancel": {
      const verb = scenario === "cancel" ? "cancel" : "move";
      await say("user", `Hi, this is ${values.name}. I need to ${verb} my appointment.`);
      const mine = await tool("findMyAppointments", {});
      const [appointment] = appointmentsOf(mine);
      const appointmentId = appointment?.appointmentId ?? appointment?.id;
      if (!appointmentId) {
        await say("bot", sayOf(mine, "I don't see any upcoming appointments for this number."));
        return {
          endedReason: "customer-ended-call",
          summary: `${values.name} wanted to ${verb} an appointment but had none.`,
          structured: { intent: scenario },
        };
      }
      await say(
        "bot",
        `I see your appointment ${appointment?.spoken ?? appointment?.startsAt ?? ""}. Shall I ${verb} it?`,
      );
      if (scenario === "cancel") {
        await say("user", "Yes, please cancel it. Something came up.");
        const cancelled = await tool("cancelAppointment", { appointmentId, reason: "Something came up" });
        await say("bot", sayOf(cancelled, "It's cancelled. Call us any time to book again."));
        await say("user", "Thanks, bye.");
        return {
          endedReason: "customer-ended-call",
          summary: `${values.name} cancelled an appointment.`,
          structured: { intent: "cancel" },
        };
      }
      await say("user", "Yes, to sometime the week after next if you can.");
      const later = new Date(`${nextWeek()}T12:00:00Z`);
      later.setUTCDate(later.getUTCDate() + 7);
      const found = await tool("checkAvailability", {
        date: later.toISOString().slice(0, 10),
        ...(appointment?.appointmentType ? { appointmentType: appointment.appointmentType } : {}),
      });
      const slot = firstSlot(found);
      if (!slot) {
        await say("bot", sayOf(found, "I'm sorry, nothing is open then."));
        return {
          endedReason: "customer-ended-call",
          summary: `${values.name} wanted to move an appointment; nothing was open.`,
          structured: { intent: "reschedule" },
        };
      }
      await say("bot", `I can move it to ${slot.spoken ?? slot.startsAt}. Does that work?`);
      await say("user", "Perfect.");
      const moved = await tool("rescheduleAppointment", { appointmentId, startsAt: slot.startsAt });
      await say("bot", sayOf(moved, "Done, it's moved."));
      await say("user", "Thank you, bye.");
      return {
        endedReason: "customer-ended-call",
        summary: `${values.name} moved an appointment to ${slot.spoken ?? slot.startsAt}.`,
        structured: { intent: "reschedule", startsAt: slot.startsAt },
      };
    }
    case "transfer": {
      await say("user", "Hi, I have a question about my bill. Can I talk to someone?");
      const transfer = await tool("transferToHuman", { reason: "billing question" });
      const number =
        typeof transfer.number === "string"
          ? transfer.number
          : typeof transfer.destination === "string"
            ? transfer.destination
            : undefined;
      await say("bot", sayOf(transfer, "Let me put you through to the front desk."));
      if (number) {
        await send(statusUpdate(call, "forwarding", seconds()));
        await send(transferUpdate(call, number, seconds()));
        return {
          endedReason: "assistant-forwarded-call",
          summary: `${values.name} asked about a bill and was transferred to the front desk.`,
          structured: { intent: "billing" },
        };
      }
      await say("user", "Okay, please have them call me back.");
      return {
        endedReason: "customer-ended-call",
        summary: `${values.name} asked about a bill; the agent took a message.`,
        structured: { intent: "billing" },
      };
    }
    case "hang-up":
      spoken += 6;
      return {
        endedReason: "customer-ended-call",
        summary: "The caller hung up without saying anything.",
        structured: {},
      };
  }
}

console.log(`Calling ${values.to} from ${values.from} (${scenario}) → ${webhook}`);
const answer = (await post(vapiAssistantRequest(call))) as Record<string, unknown>;
if (typeof answer?.error === "string") fail(`assistant-request was refused: ${answer.error}`);
const assistant = (answer?.assistant ?? {}) as { firstMessage?: string; name?: string };
console.log(
  `  answered by ${assistant.name ?? (answer?.assistantId ? `Vapi assistant ${answer.assistantId}` : "the clinic's assistant")}`,
);
await send(statusUpdate(call, "ringing", 0));
await send(statusUpdate(call, "in-progress", 1));
spoken = 1;
await send(speechUpdate(call, "assistant", "started", seconds()));
await say("bot", assistant.firstMessage ?? "Thank you for calling, how can I help you today?");
const outcome = await play();
await send(conversationUpdate(call, items, seconds()));
const ended = seconds() + 1;
await send(statusUpdate(call, "ended", ended, { endedReason: outcome.endedReason }));
await send(
  endOfCallReport(call, {
    endedReason: outcome.endedReason,
    seconds: ended,
    items,
    summary: outcome.summary,
    structuredData: outcome.structured,
    successEvaluation: scenario === "hang-up" ? "false" : "true",
    cost: Math.round(ended * 0.0021 * 10_000) / 10_000 + 0.01,
  }),
);
console.log(`\nCall ${call.id} ended (${outcome.endedReason}). It shows up under ${baseUrl}/calls in a moment.`);
