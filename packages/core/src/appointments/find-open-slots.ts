// Open slots: a provider's working hours for each local date (weekly hours, or that date's
// override), cut into starts every SLOT_STEP minutes, minus anything overlapping a live
// appointment or an unexpired hold (buffers included), minus what is too soon (minimum
// notice) or too far out (booking horizon). Computed in the clinic's timezone; returned as
// UTC instants with the words a voice agent can say.
import type { z } from "zod";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import {
  datesBetween,
  formatLocalDate,
  type LocalDate,
  parseLocalDate,
  spokenWallClock,
  wallClock,
  weekday,
  zonedToUtc,
} from "../time/zoned-time";
import { availabilityInput, type Slot } from "./schemas";

const SLOT_STEP_MINUTES = 15;

type Interval = { start: number; end: number }; // epoch ms, [start, end)
type Hours = { startMinute: number; endMinute: number };

/** Working intervals of one provider on one local date, in that date's wall-clock minutes. */
function hoursOn(
  date: LocalDate,
  weekly: (Hours & { weekday: number })[],
  overrides: {
    kind: "closed" | "open";
    startMinute: number | null;
    endMinute: number | null;
    providerId: string | null;
  }[],
): Hours[] {
  // A provider's own override wins over a clinic-wide one; "closed" wins over "open".
  const own = overrides.filter((o) => o.providerId !== null);
  const relevant = own.length > 0 ? own : overrides;
  if (relevant.some((o) => o.kind === "closed")) return [];
  const open = relevant.filter((o) => o.kind === "open" && o.startMinute !== null && o.endMinute !== null);
  if (open.length > 0)
    return open.map((o) => ({ startMinute: o.startMinute as number, endMinute: o.endMinute as number }));
  return weekly.filter((h) => h.weekday === weekday(date));
}

/**
 * The last index in `free` whose start is at or before `t` (binary search), or -1. Free intervals
 * come from PostgreSQL sorted and disjoint.
 */
function lastStartingBy(free: Interval[], t: number) {
  let lo = 0;
  let hi = free.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((free[mid] as Interval).start <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export async function findOpenSlots(
  db: TenantDb,
  rawInput: z.input<typeof availabilityInput>,
  now = new Date(),
  /** Treat this appointment's time as free (used when moving it). */
  ignoreAppointmentId?: string,
) {
  const input = availabilityInput.parse(rawInput);
  ignoreAppointmentId ??= input.movingAppointmentId;
  const clinic = await db.clinic.findFirstOrThrow({
    select: { timezone: true, minNoticeMinutes: true, bookingHorizonDays: true },
  });
  const type = await db.appointmentType.findFirst({ where: { id: input.appointmentTypeId, active: true } });
  if (!type) throw new AppError("NOT_FOUND", "appointment type not found");
  const providers = await db.provider.findMany({
    where: { id: input.providerId, active: true, appointmentTypes: { some: { appointmentTypeId: type.id } } },
    select: { id: true, name: true, workingHours: { select: { weekday: true, startMinute: true, endMinute: true } } },
    orderBy: { name: "asc" },
  });
  if (input.providerId && providers.length === 0)
    throw new AppError("NOT_FOUND", "no such provider offers this appointment type");

  const from = parseLocalDate(input.from);
  const to = parseLocalDate(input.to);
  const rangeStart = zonedToUtc(from, 0, clinic.timezone);
  const rangeEnd = zonedToUtc(to, 24 * 60, clinic.timezone);
  const providerIds = providers.map((p) => p.id);
  // Every candidate's busy block lies inside this window.
  const blockMinutes = type.bufferBeforeMinutes + type.durationMinutes + type.bufferAfterMinutes;
  const windowStart = new Date(rangeStart.getTime() - type.bufferBeforeMinutes * 60_000);
  const windowEnd = new Date(rangeEnd.getTime() + (type.durationMinutes + type.bufferAfterMinutes) * 60_000);
  const [overrides, freeTime] = await Promise.all([
    db.scheduleOverride.findMany({
      where: {
        date: { gte: new Date(`${input.from}T00:00:00Z`), lte: new Date(`${input.to}T00:00:00Z`) },
        OR: [{ providerId: null }, { providerId: { in: providerIds } }],
      },
    }),
    // The hot part in PostgreSQL: each provider's free time in the window, as the gaps between
    // its live appointments and unexpired holds (which never overlap: the exclusion constraint),
    // keeping only gaps long enough for one visit with its buffers. A provider with thousands of
    // appointments yields a handful of rows, not thousands.
    db.$queryRaw<{ providerId: string; start: number; end: number }[]>`
      WITH busy AS (
        SELECT "providerId", "blockStart", "blockEnd" FROM appointments
        WHERE "providerId" = ANY(${providerIds}::uuid[])
          AND (${ignoreAppointmentId ?? null}::uuid IS NULL OR id <> ${ignoreAppointmentId ?? null}::uuid)
          AND (status = 'booked' OR (status = 'held' AND "holdExpiresAt" > ${now}))
          AND tstzrange("blockStart", "blockEnd", '[)') && tstzrange(${windowStart}, ${windowEnd}, '[)')
      )
      SELECT "providerId", (extract(epoch FROM s) * 1000)::float8 AS start, (extract(epoch FROM e) * 1000)::float8 AS "end"
      FROM (
        SELECT "providerId", lag("blockEnd", 1, ${windowStart}::timestamptz)
                 OVER (PARTITION BY "providerId" ORDER BY "blockStart") AS s, "blockStart" AS e
        FROM busy
        UNION ALL
        SELECT p.id, coalesce(max(b."blockEnd"), ${windowStart}::timestamptz), ${windowEnd}::timestamptz
        FROM unnest(${providerIds}::uuid[]) AS p(id) LEFT JOIN busy b ON b."providerId" = p.id
        GROUP BY p.id
      ) gaps
      WHERE e - s >= make_interval(mins => ${blockMinutes}::int)
      ORDER BY "providerId", s`,
  ]);

  const earliest = now.getTime() + clinic.minNoticeMinutes * 60_000;
  const latest = now.getTime() + clinic.bookingHorizonDays * 86_400_000;
  const duration = type.durationMinutes * 60_000;
  const before = type.bufferBeforeMinutes * 60_000;
  const after = type.bufferAfterMinutes * 60_000;

  type Found = { providerId: string; providerName: string; start: number; day: LocalDate; minute: number };
  const found: Found[] = [];
  const dates = [...datesBetween(from, to)].map((date) => ({ date, ...dayClock(date, clinic.timezone) }));

  for (const provider of providers) {
    const free = freeTime.filter((a) => a.providerId === provider.id);
    for (const { date, toInstant } of dates) {
      const iso = formatLocalDate(date);
      const todays = overrides.filter(
        (o) => o.date.toISOString().slice(0, 10) === iso && (o.providerId === null || o.providerId === provider.id),
      );
      for (const hours of hoursOn(date, provider.workingHours, todays)) {
        for (
          let minute = hours.startMinute;
          minute + type.durationMinutes <= hours.endMinute;
          minute += SLOT_STEP_MINUTES
        ) {
          const t = toInstant(minute);
          if (t === null || t < earliest || t > latest) continue;
          const gap = free[lastStartingBy(free, t - before)];
          if (!gap || gap.end < t + duration + after) continue;
          found.push({ providerId: provider.id, providerName: provider.name, start: t, day: date, minute });
        }
      }
    }
  }
  found.sort((a, b) => a.start - b.start || a.providerName.localeCompare(b.providerName));
  // Words only for what is returned, from the wall clock the loop already knows: one date
  // format per day and one clock format per minute of the day, not two per slot.
  const spoken = spokenWallClock();
  const slots: Slot[] = found.slice(0, input.limit).map((f) => ({
    providerId: f.providerId,
    providerName: f.providerName,
    startsAt: new Date(f.start),
    endsAt: new Date(f.start + duration),
    spoken: `${spoken(f.day, f.minute)} with ${f.providerName}`,
  }));
  return { timezone: clinic.timezone, slots };
}

/**
 * Wall-clock minute -> instant for one local date. On the ~363 days a year without a clock
 * change that is plain arithmetic from local midnight; on the other two each minute is
 * converted on its own, and minutes skipped by spring-forward give null.
 */
function dayClock(date: LocalDate, timeZone: string) {
  const midnight = zonedToUtc(date, 0, timeZone).getTime();
  const nextMidnight = zonedToUtc(date, 24 * 60, timeZone).getTime();
  if (nextMidnight - midnight === 86_400_000) {
    return { toInstant: (minute: number): number | null => midnight + minute * 60_000 };
  }
  return {
    toInstant: (minute: number): number | null => {
      const instant = zonedToUtc(date, minute, timeZone);
      return wallClock(instant, timeZone).minute === minute ? instant.getTime() : null;
    },
  };
}
