// What the demo clinic's past calls said: a transcript (turns as the calls pages read them),
// a summary and the extracted facts, by outcome. Plain templates filled with the call's caller
// and booking, so a seeded call reads like one the receptionist really took.
import type { CallOutcome } from "../generated/prisma/enums";

type Turn = { role: "assistant" | "user" | "tool"; text: string; at: number; tool?: string };

export type ConversationFacts = {
  outcome: CallOutcome;
  seconds: number;
  /** The caller's first name, when the clinic knows them. */
  firstName: string | null;
  fullName: string | null;
  /** The visit booked, moved or cancelled, spoken ("Tuesday, March 3 at 9:30 AM"). */
  visit: { type: string; provider: string; spoken: string } | null;
  /** A number between 0 and 1 that picks among variants of the same conversation. */
  pick: number;
};

export type Conversation = {
  messages: Turn[];
  transcript: string;
  summary: string | null;
  structuredData: Record<string, string | boolean | null> | null;
  successEvaluation: string | null;
};

const GREETING = "Thank you for calling Bright Smile Dental, this is Ava. How can I help you today?";

const questions = [
  [
    "Do you take Delta Dental insurance?",
    "Yes, we're in network with Delta Dental PPO. Bring your card to the visit and we'll check your coverage before any treatment.",
  ],
  [
    "What time do you close on Fridays?",
    "We're open until 5 PM on Fridays, and from 8 AM Monday to Friday. We're closed on weekends.",
  ],
  [
    "Is there parking near the office?",
    "Yes, there's free parking behind the building at 120 Main Street, and the entrance is on the ground floor.",
  ],
  [
    "How much is a cleaning without insurance?",
    "A routine cleaning with an exam is usually between 120 and 180 dollars; the team can give you an exact quote at check-in.",
  ],
  [
    "Do you see children?",
    "We do. Our hygienist Sam sees children from age three, and Dr. Patel does their check-ups.",
  ],
] as const;

const moveReasons = ["something came up at work", "my daughter has a school event", "I'll be out of town that week"];
const cancelReasons = ["I'm moving out of state", "I already had it done elsewhere", "my insurance changed"];

const pickOf = <T>(items: readonly T[], pick: number) => items[Math.floor(pick * items.length) % items.length] as T;

/** Spreads turns over the call: each starts a little after the one before, ending before the call does. */
function timed(seconds: number, turns: Omit<Turn, "at">[]): Turn[] {
  const step = Math.max(1, Math.floor((seconds - 2) / Math.max(1, turns.length)));
  return turns.map((turn, i) => ({ ...turn, at: Math.min(seconds - 1, 1 + i * step) }));
}

const say = (text: string) => ({ role: "assistant" as const, text });
const hear = (text: string) => ({ role: "user" as const, text });
const tool = (name: string, text: string) => ({ role: "tool" as const, tool: name, text });

export function demoConversation(facts: ConversationFacts): Conversation {
  const { outcome, seconds, firstName, fullName, visit, pick } = facts;
  const name = fullName ?? "The caller";
  const [question, answer] = pickOf(questions, pick);
  let turns: Omit<Turn, "at">[];
  let summary: string | null;
  let structuredData: Conversation["structuredData"] = null;
  let successEvaluation: string | null = "true";

  switch (outcome) {
    case "booked": {
      const v = visit as NonNullable<typeof visit>;
      turns = [
        say(GREETING),
        hear(`Hi, this is ${firstName ?? "a new patient"}. I'd like to book a ${v.type.toLowerCase()}.`),
        say("Of course. Let me look at what's open."),
        tool("checkAvailability", JSON.stringify({ appointmentType: v.type, firstOpening: v.spoken })),
        say(`The first opening is ${v.spoken} with ${v.provider}. Would that work?`),
        hear("Yes, that works."),
        tool("bookAppointment", JSON.stringify({ booked: true, startsAt: v.spoken })),
        say(`You're booked for ${v.spoken} with ${v.provider}. You'll get a text confirmation shortly.`),
        hear("Great, thank you!"),
      ];
      summary = `${name} called to book a ${v.type.toLowerCase()} and was booked with ${v.provider} for ${v.spoken}.`;
      structuredData = { intent: "book", appointmentType: v.type, patientName: fullName, startsAt: v.spoken };
      break;
    }
    case "rescheduled": {
      const v = visit as NonNullable<typeof visit>;
      const reason = pickOf(moveReasons, pick);
      turns = [
        say(GREETING),
        hear(`Hi, it's ${firstName}. I need to move my ${v.type.toLowerCase()}, ${reason}.`),
        tool("findMyAppointments", JSON.stringify({ appointments: 1 })),
        say("I see your appointment. When would suit you better?"),
        hear("Later in the month, if possible."),
        tool("checkAvailability", JSON.stringify({ appointmentType: v.type, firstOpening: v.spoken })),
        say(`I can move it to ${v.spoken} with ${v.provider}. Does that work?`),
        hear("Perfect."),
        tool("rescheduleAppointment", JSON.stringify({ moved: true, startsAt: v.spoken })),
        say("Done. You'll get a text with the new time."),
      ];
      summary = `${name} moved a ${v.type.toLowerCase()} to ${v.spoken} (${reason}).`;
      structuredData = { intent: "reschedule", appointmentType: v.type, startsAt: v.spoken };
      break;
    }
    case "cancelled": {
      const v = visit as NonNullable<typeof visit>;
      const reason = pickOf(cancelReasons, pick);
      turns = [
        say(GREETING),
        hear(`Hello, this is ${firstName}. I have to cancel my appointment, ${reason}.`),
        tool("findMyAppointments", JSON.stringify({ appointments: 1 })),
        say(`I see a ${v.type.toLowerCase()} on ${v.spoken}. Shall I cancel it?`),
        hear("Yes please."),
        tool("cancelAppointment", JSON.stringify({ cancelled: true })),
        say("It's cancelled. Call us any time to book again."),
      ];
      summary = `${name} cancelled a ${v.type.toLowerCase()} on ${v.spoken} (${reason}).`;
      structuredData = { intent: "cancel", appointmentType: v.type, reason };
      break;
    }
    case "information":
      turns = [
        say(GREETING),
        hear(question),
        tool("getClinicInfo", JSON.stringify({ found: true })),
        say(answer),
        hear("Okay, that's all I needed. Thanks."),
        say("You're welcome. Have a great day!"),
      ];
      summary = `${name} asked: "${question}" The receptionist answered from the clinic's information.`;
      structuredData = { intent: "question", topic: question };
      break;
    case "transferred":
      turns = [
        say(GREETING),
        hear("I got a bill I don't understand and I'd like to talk to someone in the office."),
        say("I'll connect you with the front desk team now. One moment please."),
        tool("transferToHuman", JSON.stringify({ transferred: true })),
      ];
      summary = `${name} had a billing question and was transferred to the front desk.`;
      structuredData = { intent: "billing", transferred: true };
      break;
    case "voicemail":
      turns = [
        say(GREETING),
        hear("Hi, it's about my appointment, please call me back."),
        say("I'll make sure the team calls you back."),
      ];
      summary = `${name} left a message asking for a call back.`;
      successEvaluation = null;
      break;
    case "abandoned":
      turns = seconds > 6 ? [say(GREETING)] : [];
      summary = null;
      successEvaluation = null;
      break;
    case "failed":
      turns = [];
      summary = null;
      successEvaluation = "false";
      break;
    default:
      turns = [say(GREETING), hear("Sorry, wrong number."), say("No problem. Have a good day!")];
      summary = `${name} had dialled the wrong number.`;
      successEvaluation = null;
  }

  const messages = timed(seconds, turns);
  return {
    messages,
    transcript: messages
      .filter((turn) => turn.role !== "tool")
      .map((turn) => `${turn.role === "user" ? "User" : "AI"}: ${turn.text}`)
      .join("\n"),
    summary,
    structuredData,
    successEvaluation,
  };
}
