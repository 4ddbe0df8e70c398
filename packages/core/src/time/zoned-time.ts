// Wall-clock time in a clinic's IANA timezone <-> UTC instants, with the standard library's
// Intl (no timezone database to ship or update). Daylight-saving rules:
//  - a wall time that does not exist (spring forward, 02:30 in New York) moves forward by the
//    gap, like a wall clock would (03:30);
//  - a wall time that happens twice (fall back, 01:30) means the first of the two.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export type LocalDate = { year: number; month: number; day: number };

/** Minutes to add to UTC to get the wall clock in `timeZone` at `instant`, as Intl says. */
function intlOffsetMinutes(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

// Asking Intl costs microseconds, and availability asks per day and per slot. Zone offsets change
// only on quarter hours (every rule in the IANA database since standard time), so one answer
// serves a whole quarter hour of one zone.
const QUARTER_HOUR_MS = 900_000;
const offsets = new Map<string, Map<number, number>>();

/** Minutes to add to UTC to get the wall clock in `timeZone` at `instant`. */
export function offsetMinutes(instant: Date, timeZone: string) {
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR_MS);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    if (zone.size >= 20_000) zone.clear(); // bounded: a long-running process sees many dates
    offset = intlOffsetMinutes(new Date(quarter * QUARTER_HOUR_MS), timeZone);
    zone.set(quarter, offset);
  }
  return offset;
}

/** The wall-clock fields of `instant` in `timeZone`. */
export function wallClock(instant: Date, timeZone: string) {
  const local = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The instant at `minute` minutes after local midnight of `date` in `timeZone`. */
export function zonedToUtc(date: LocalDate, minute: number, timeZone: string): Date {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minute);
  // The offset before and after any transition near this time; try the earlier one first.
  const before = offsetMinutes(new Date(naive - 24 * 3_600_000), timeZone);
  const after = offsetMinutes(new Date(naive + 24 * 3_600_000), timeZone);
  for (const offset of before === after ? [before] : [Math.max(before, after), Math.min(before, after)]) {
    const candidate = new Date(naive - offset * 60_000);
    if (offsetMinutes(candidate, timeZone) === offset) return candidate;
  }
  // In a spring-forward gap: neither offset reproduces the wall time; move forward by the gap.
  return new Date(naive - Math.min(before, after) * 60_000);
}

/** Local calendar dates from `from` to `to` inclusive. */
export function* datesBetween(from: LocalDate, to: LocalDate): Generator<LocalDate> {
  for (
    let t = Date.UTC(from.year, from.month - 1, from.day);
    t <= Date.UTC(to.year, to.month - 1, to.day);
    t += 86_400_000
  ) {
    const d = new Date(t);
    yield { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
}

export const weekday = (date: LocalDate) => new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();

export const parseLocalDate = (text: string): LocalDate => {
  const [year, month, day] = text.split("-").map(Number);
  return { year: year as number, month: month as number, day: day as number };
};

export const formatLocalDate = (d: LocalDate) =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/** "Tuesday, March 3 at 9:30 AM" in the clinic's zone: what the voice agent reads out. */
export function spokenTime(instant: Date, timeZone: string) {
  // Building an Intl formatter costs far more than using one; availability formats hundreds.
  let pair = spokenFormatters.get(timeZone);
  if (!pair) {
    pair = [
      new Intl.DateTimeFormat("en-US", { timeZone, weekday: "long", month: "long", day: "numeric" }),
      new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit" }),
    ];
    spokenFormatters.set(timeZone, pair);
  }
  return `${pair[0].format(instant)} at ${pair[1].format(instant)}`;
}

const spokenFormatters = new Map<string, [Intl.DateTimeFormat, Intl.DateTimeFormat]>();

const wallFormatters = [
  new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" }),
  new Intl.DateTimeFormat("en-US", { timeZone: "UTC", hour: "numeric", minute: "2-digit" }),
] as const;

/**
 * `spokenTime` for many slots whose wall clock is already known (a local date and a minute of
 * that day): the same words, with one format per distinct date and per distinct minute instead
 * of two per slot.
 */
export function spokenWallClock() {
  const days = new Map<string, string>();
  const clocks = new Map<number, string>();
  return (date: LocalDate, minute: number) => {
    const key = formatLocalDate(date);
    let day = days.get(key);
    if (day === undefined) {
      day = wallFormatters[0].format(new Date(Date.UTC(date.year, date.month - 1, date.day, 12)));
      days.set(key, day);
    }
    let clock = clocks.get(minute);
    if (clock === undefined) {
      clock = wallFormatters[1].format(new Date(Date.UTC(2000, 0, 1, 0, minute)));
      clocks.set(minute, clock);
    }
    return `${day} at ${clock}`;
  };
}

/** The instants bounding a range of local days, both included: [start of `from`, start of the day after `to`). */
export function localDaysToInstants(range: { from: string; to: string }, timeZone: string) {
  const to = parseLocalDate(range.to);
  const next = new Date(Date.UTC(to.year, to.month - 1, to.day + 1));
  return {
    start: zonedToUtc(parseLocalDate(range.from), 0, timeZone),
    end: zonedToUtc(
      { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() },
      0,
      timeZone,
    ),
  };
}
