// The analytics page's periods: presets counted from the clinic's today (never the browser's),
// or a custom range typed by someone, checked before it reaches the procedure. Runtime imports
// are relative: vitest runs this file without the app's "@/" alias.
import { addDays, formatDay, isDay } from "../lib/clinic-time";

export const presets = [
  { id: "7d", label: "Last 7 days" },
  { id: "30d", label: "Last 30 days" },
  { id: "month", label: "This month" },
  { id: "last-month", label: "Last month" },
  { id: "custom", label: "Custom" },
] as const;

type Preset = (typeof presets)[number]["id"];
type Fixed = Exclude<Preset, "custom">;
const DEFAULT_PRESET: Fixed = "30d";
/** As analyticsInput and the exports allow. */
const MAX_DAYS = 366;

export type Range = { preset: Preset; from: string; to: string };

const isFixed = (value: string | undefined): value is Fixed =>
  value !== "custom" && presets.some((p) => p.id === value);
const monthStart = (day: string) => `${day.slice(0, 8)}01`;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** A preset's days, both included, ending today in the clinic. */
export function presetRange(preset: Fixed, today: string): Range {
  switch (preset) {
    case "7d":
      return { preset, from: addDays(today, -6), to: today };
    case "30d":
      return { preset, from: addDays(today, -29), to: today };
    case "month":
      return { preset, from: monthStart(today), to: today };
    case "last-month": {
      const to = addDays(monthStart(today), -1);
      return { preset, from: monthStart(to), to };
    }
  }
}

/**
 * The range the page's query string asks for; `misread` when it asked for something that isn't
 * a range (then the default is shown, and the page says so).
 */
export function readRange(
  query: { preset?: string; from?: string; to?: string },
  today: string,
): { range: Range; misread: boolean } {
  const { from, to } = query;
  if (query.preset === "custom" || (!query.preset && (from || to))) {
    if (isDay(from) && isDay(to) && from <= to && daysBetween(from, to) <= MAX_DAYS) {
      return { range: { preset: "custom" as const, from, to }, misread: false };
    }
    return { range: presetRange(DEFAULT_PRESET, today), misread: true };
  }
  if (!query.preset) return { range: presetRange(DEFAULT_PRESET, today), misread: false };
  if (!isFixed(query.preset)) return { range: presetRange(DEFAULT_PRESET, today), misread: true };
  return { range: presetRange(query.preset, today), misread: false };
}

/** "Nov 8 – Dec 7, 2026", or one day. */
export function describeRange(range: { from: string; to: string }) {
  const to = formatDay(range.to, "short");
  if (range.from === range.to) return to;
  const from = formatDay(range.from, "short");
  return range.from.slice(0, 4) === range.to.slice(0, 4)
    ? `${from.replace(/, \d{4}$/, "")} – ${to}`
    : `${from} – ${to}`;
}
