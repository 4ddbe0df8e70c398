// Calendar arithmetic in the clinic's IANA timezone, on top of core's wall-clock conversion
// (@frontdesk/core/time). Days travel as "YYYY-MM-DD" strings (the clinic's calendar days,
// never the browser's); instants are Dates; working hours are minutes from local midnight, as
// the scheduling procedures store them.
import { formatLocalDate, parseLocalDate, wallClock, weekday, zonedToUtc } from "@frontdesk/core/time";

/** A well-formed day that exists on the calendar (2026-02-31 does not). */
export function isDay(value: string | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return addDays(value, 0) === value; // Date.UTC rolls a day that doesn't exist into the next month
}

/** The clinic's calendar day that `instant` falls on. */
export const localDay = (instant: Date, timeZone: string) => formatLocalDate(wallClock(instant, timeZone));

/** Minutes since the clinic's local midnight at `instant`. */
export const minuteOfDay = (instant: Date, timeZone: string) => wallClock(instant, timeZone).minute;

/** Today in the clinic. */
export const todayIn = (timeZone: string, now = new Date()) => localDay(now, timeZone);

const dayToUtc = (day: string) => {
  const { year, month, day: date } = parseLocalDate(day);
  return Date.UTC(year, month - 1, date);
};

export const addDays = (day: string, count: number) =>
  new Date(dayToUtc(day) + count * 86_400_000).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday, as weekly hours number them. */
export const weekdayOf = (day: string) => weekday(parseLocalDate(day));

/** The Monday on or before `day`: weeks on the calendar run Monday to Sunday. */
export const mondayOf = (day: string) => addDays(day, -((weekdayOf(day) + 6) % 7));

/** The instant a well-formed `day` (plus `plusDays`) starts in the clinic. */
export const dayStartsAt = (day: string, timeZone: string, plusDays = 0) =>
  zonedToUtc(parseLocalDate(addDays(day, plusDays)), 0, timeZone);

/** As dayStartsAt, for a day typed by someone: null when it isn't one. */
export const startOfDay = (day: string, timeZone: string, plusDays = 0): Date | null =>
  isDay(day) ? dayStartsAt(day, timeZone, plusDays) : null;

/** Override dates are stored as UTC midnight of the clinic's calendar day. */
export const overrideDay = (date: Date) => date.toISOString().slice(0, 10);

/** The stored form of a calendar day, for the override procedures' date range. */
export const dayAsDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** A calendar day in words, e.g. "Tuesday, March 3, 2026" (`style` picks how much). */
export function formatDay(day: string, style: "full" | "short" | "weekday" = "full") {
  const options: Intl.DateTimeFormatOptions =
    style === "full"
      ? { weekday: "long", month: "long", day: "numeric", year: "numeric" }
      : style === "short"
        ? { month: "short", day: "numeric", year: "numeric" }
        : { weekday: "short", month: "short", day: "numeric" };
  // The day is a date, not an instant: read it in UTC so no zone shifts it.
  return new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" }).format(new Date(dayToUtc(day)));
}

/** The clock time of `instant` in the clinic, e.g. "9:30 AM". */
export const formatTime = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit" }).format(instant);

export const formatTimeRange = (start: Date, end: Date, timeZone: string) =>
  `${formatTime(start, timeZone)} – ${formatTime(end, timeZone)}`;

/** A minute of the day as a clock time, e.g. 570 -> "9:30 AM" (1440 is midnight at the end). */
export const formatMinute = (minute: number) =>
  new Intl.DateTimeFormat("en-US", { timeZone: "UTC", hour: "numeric", minute: "2-digit" }).format(
    new Date(minute * 60_000),
  );

export const formatMinuteRange = (range: { startMinute: number; endMinute: number }) =>
  `${formatMinute(range.startMinute)} – ${formatMinute(range.endMinute)}`;

/** For <input type="time">: 570 -> "09:30". The day's end (1440) shows as the last minute. */
export function minuteToClock(minute: number) {
  const capped = Math.min(minute, 1439);
  return `${String(Math.floor(capped / 60)).padStart(2, "0")}:${String(capped % 60).padStart(2, "0")}`;
}

/** "09:30" -> 570; null for anything else (an empty or half-typed time input). */
export function clockToMinute(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
/** Weekday numbers in the order a clinic's week reads: Monday first. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
