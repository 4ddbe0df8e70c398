import { zonedToUtc } from "@frontdesk/core/time";

/** A date and time as people in `timeZone` read it, e.g. "Mar 4, 2026, 9:05 AM". */
export const formatDateTime = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(date);

/** A calendar date in `timeZone`, e.g. "Mar 4, 2026". */
export const formatDate = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium" }).format(date);

/** The instant a calendar day (YYYY-MM-DD) starts in `timeZone`, or null for a malformed day. */
export function startOfDay(day: string, timeZone: string, addDays = 0): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, date));
  // Date.UTC rolls 2026-02-31 over into March; a day that doesn't exist is malformed.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  return zonedToUtc({ year, month, day: date + addDays }, 0, timeZone);
}

/** A stored E.164 number as people write it: North American ones as "+1 (415) 555-0100". */
export function formatPhone(e164: string) {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `+1 (${nanp[1]}) ${nanp[2]}-${nanp[3]}` : e164;
}

export const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;
