import { spokenTime } from "../time/zoned-time";

export type SmsKindOut = "confirmation" | "reminder" | "cancellation" | "reschedule";

type Details = {
  clinicName: string;
  timezone: string;
  startsAt: Date;
  providerName: string;
  typeName: string;
  firstName: string;
};

const optOut = "Reply STOP to opt out.";

/** Short, plain texts: one segment where possible, always saying who it's from. */
export function smsBody(kind: SmsKindOut, d: Details) {
  const when = spokenTime(d.startsAt, d.timezone);
  switch (kind) {
    case "confirmation":
      return `${d.clinicName}: Hi ${d.firstName}, your ${d.typeName} with ${d.providerName} is booked for ${when}. ${optOut}`;
    case "reminder":
      return `${d.clinicName}: Reminder, ${d.firstName}: ${d.typeName} with ${d.providerName} on ${when}. Call us if you need to change it. ${optOut}`;
    case "reschedule":
      return `${d.clinicName}: Hi ${d.firstName}, your ${d.typeName} has moved to ${when} with ${d.providerName}. ${optOut}`;
    case "cancellation":
      return `${d.clinicName}: Hi ${d.firstName}, your ${d.typeName} on ${when} is cancelled. Call us to book again. ${optOut}`;
  }
}

export const HELP_REPLY = (clinicName: string) =>
  `${clinicName} appointment texts. Reply STOP to stop, START to resume. Msg&data rates may apply.`;
export const START_REPLY = (clinicName: string) =>
  `${clinicName}: you'll get appointment texts again. Reply STOP to stop.`;
