// Twilio's standard opt-out keywords, matched the way Twilio matches them: the whole message,
// trimmed and case-insensitive. "Cancel my 3pm" is a question for the clinic, not an opt-out,
// and "Yes thanks" is not a START.
export type SmsKeyword = "stop" | "start" | "help";

const KEYWORDS: Record<string, SmsKeyword> = {
  STOP: "stop",
  STOPALL: "stop",
  UNSUBSCRIBE: "stop",
  CANCEL: "stop",
  END: "stop",
  QUIT: "stop",
  OPTOUT: "stop",
  REVOKE: "stop",
  START: "start",
  YES: "start",
  UNSTOP: "start",
  HELP: "help",
  INFO: "help",
};

/** Twilio Advanced Opt-Out already classified the message: its `OptOutType` wins. */
const OPT_OUT_TYPES: Record<string, SmsKeyword> = { STOP: "stop", START: "start", HELP: "help" };

export function smsKeyword(body: string, optOutType?: string): SmsKeyword | null {
  const classified = optOutType ? OPT_OUT_TYPES[optOutType.trim().toUpperCase()] : undefined;
  if (classified) return classified;
  // Trailing punctuation and surrounding whitespace are not part of the word ("STOP." is STOP).
  const word = body
    .trim()
    .replace(/[.!?]+$/, "")
    .toUpperCase();
  return KEYWORDS[word] ?? null;
}
