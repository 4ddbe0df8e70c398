// Times and hours as the agent says them, in the clinic's zone: "Tuesday the 24th at 9 AM",
// "Monday to Friday 8 AM to 5 PM". And times as the model passes them back: ISO-8601 with the
// clinic's offset, so the model never has to do timezone arithmetic.
import { formatLocalDate, offsetMinutes, wallClock, weekday } from "../time/zoned-time";
import type { WeeklyHours } from "./resolve-line";

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const ordinal = (n: number) => {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
};

/** 540 -> "9 AM", 570 -> "9:30 AM", 720 -> "noon", 0 or 1440 -> "midnight". */
function spokenClock(minute: number) {
  if (minute === 720) return "noon";
  if (minute % 1440 === 0) return "midnight";
  const h = Math.floor(minute / 60) % 24;
  const m = minute % 60;
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m ? `:${String(m).padStart(2, "0")}` : ""} ${h < 12 ? "AM" : "PM"}`;
}

/** The local calendar date, weekday and minute of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string) {
  const w = wallClock(instant, timeZone);
  return { ...w, date: formatLocalDate(w), weekday: weekday(w) };
}

/** "Tuesday the 24th at 9 AM" in the clinic's zone. */
export function spokenSlot(instant: Date, timeZone: string) {
  const p = localParts(instant, timeZone);
  return `${WEEKDAYS[p.weekday]} the ${ordinal(p.day)} at ${spokenClock(p.minute)}`;
}

/** "2026-11-24T09:00:00-06:00": the instant as the clinic's wall clock with its offset. */
export function isoInZone(instant: Date, timeZone: string) {
  const p = localParts(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const hh = String(Math.floor(p.minute / 60)).padStart(2, "0");
  const mm = String(p.minute % 60).padStart(2, "0");
  const ss = String(p.second).padStart(2, "0");
  const oh = String(Math.floor(abs / 60)).padStart(2, "0");
  const om = String(abs % 60).padStart(2, "0");
  return `${p.date}T${hh}:${mm}:${ss}${sign}${oh}:${om}`;
}

/** "Monday to Friday 8 AM to 5 PM; Saturday 9 AM to noon; closed Sunday". */
export function hoursInWords(hours: WeeklyHours) {
  // Monday first, as people say a week.
  const days = [1, 2, 3, 4, 5, 6, 0].map((d) => {
    const h = hours.find((x) => x.weekday === d);
    return { d, span: h ? `${spokenClock(h.start)} to ${spokenClock(h.end)}` : null };
  });
  const groups: { from: number; to: number; span: string | null }[] = [];
  for (const day of days) {
    const last = groups.at(-1);
    if (last && last.span === day.span) last.to = day.d;
    else groups.push({ from: day.d, to: day.d, span: day.span });
  }
  if (groups.every((g) => g.span === null)) return "no regular opening hours are set; staff will call back";
  return groups
    .map((g) => {
      const range = g.from === g.to ? WEEKDAYS[g.from] : `${WEEKDAYS[g.from]} to ${WEEKDAYS[g.to]}`;
      return g.span ? `${range} ${g.span}` : `closed ${range}`;
    })
    .join("; ");
}

/** Whether the clinic is open at `now`: within today's hours and not closed for the day. */
export function isOpenAt(hours: WeeklyHours, closedToday: boolean, timeZone: string, now: Date) {
  if (closedToday) return false;
  const p = localParts(now, timeZone);
  const today = hours.find((h) => h.weekday === p.weekday);
  return Boolean(today && p.minute >= today.start && p.minute < today.end);
}
