// Calendar arithmetic in the clinic's IANA timezone. Days travel as "YYYY-MM-DD" strings (the
// clinic's calendar days, never the browser's); instants are Dates; working hours are minutes
// from local midnight, as the scheduling procedures store them.

import { formatLocalDate, wallClock } from "@frontdesk/core/time";

const DAY_MS = 86_400_000;

const parts = (instant: Date, timeZone: string) => {
  const clock = wallClock(instant, timeZone);
  return { day: formatLocalDate(clock), minute: clock.minute };
};

/** A well-formed day that exists on the calendar (2026-02-31 does not). */
export function isDay(value: string | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, date] = value.split("-").map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, date));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === date;
}

/** The clinic's calendar day that `instant` falls on. */
export const localDay = (instant: Date, timeZone: string) => parts(instant, timeZone).day;

/** Minutes since the clinic's local midnight at `instant`. */
export const minuteOfDay = (instant: Date, timeZone: string) => parts(instant, timeZone).minute;

/** Today in the clinic. */
export const todayIn = (timeZone: string, now = new Date()) => localDay(now, timeZone);

const dayToUtc = (day: string) => {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date);
};

export const addDays = (day: string, count: number) =>
  new Date(dayToUtc(day) + count * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday, as weekly hours number them. */
export const weekdayOf = (day: string) => new Date(dayToUtc(day)).getUTCDay();

/** The Monday on or before `day`: weeks on the calendar run Monday to Sunday. */
export const mondayOf = (day: string) => addDays(day, -((weekdayOf(day) + 6) % 7));

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

/** Override dates are stored as UTC midnight of the clinic's calendar day. */
export const overrideDay = (date: Date) => date.toISOString().slice(0, 10);

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
/** Weekday numbers in the order a clinic's week reads: Monday first. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
