// Open slots: a provider's working hours for each local date (weekly hours, or that date's
// override), cut into starts every SLOT_STEP minutes, minus anything overlapping a live
// appointment or an unexpired hold (buffers included), minus what is too soon (minimum
// notice) or too far out (booking horizon). Computed in the clinic's timezone; returned as
// UTC instants with the words a voice agent can say.
import type { z } from "zod";
import { Prisma } from "../db";
import { AppError } from "../errors";
import { type Minutes, workingHoursOn } from "../providers/working-hours";
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

/** What the slot rules need from the clinic and the visit type; a caller that has them passes them in. */
export type SlotRules = {
  clinic: { timezone: string; minNoticeMinutes: number; bookingHorizonDays: number };
  type: { id: string; durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };
};

/** The clinic's rules and the active type, in one statement. */
async function loadRules(db: TenantDb, appointmentTypeId: string): Promise<SlotRules> {
  const [row] = await db.sql<SlotRules["clinic"] & { type: SlotRules["type"] | null }>`
    SELECT c.timezone, c."minNoticeMinutes", c."bookingHorizonDays",
           (SELECT json_build_object('id', t.id, 'durationMinutes', t."durationMinutes",
                                     'bufferBeforeMinutes', t."bufferBeforeMinutes", 'bufferAfterMinutes', t."bufferAfterMinutes")
              FROM appointment_types t
             WHERE t.id = ${appointmentTypeId}::uuid AND t."clinicId" = c.id AND t.active) AS type
      FROM clinics c WHERE c.id = ${db.clinicId}::uuid`;
  if (!row) throw new AppError("NOT_FOUND", "clinic not found");
  const { type, ...clinic } = row;
  if (!type) throw new AppError("NOT_FOUND", "appointment type not found");
  return { clinic, type };
}

type ProviderFreeTime = {
  id: string;
  name: string;
  workingHours: (Minutes & { weekday: number })[];
  overrides: {
    date: string;
    kind: "closed" | "open";
    startMinute: number | null;
    endMinute: number | null;
    providerId: string | null;
  }[];
  /** [start, end) epoch ms pairs, sorted and disjoint. */
  free: [number, number][];
};

export async function findOpenSlots(
  db: TenantDb,
  rawInput: z.input<typeof availabilityInput>,
  now = new Date(),
  /** Treat this appointment's time as free (used when moving it). */
  ignoreAppointmentId?: string,
  /** The clinic's booking rules and the type, when the caller already read them (this clinic's, active). */
  known?: SlotRules,
) {
  const input = availabilityInput.parse(rawInput);
  ignoreAppointmentId ??= input.movingAppointmentId;
  const { clinic, type } =
    known && known.type.id === input.appointmentTypeId ? known : await loadRules(db, input.appointmentTypeId);

  const from = parseLocalDate(input.from);
  const to = parseLocalDate(input.to);
  const rangeStart = zonedToUtc(from, 0, clinic.timezone);
  const rangeEnd = zonedToUtc(to, 24 * 60, clinic.timezone);
  // Every candidate's busy block lies inside this window.
  const blockMinutes = type.bufferBeforeMinutes + type.durationMinutes + type.bufferAfterMinutes;
  const windowStart = new Date(rangeStart.getTime() - type.bufferBeforeMinutes * 60_000);
  const windowEnd = new Date(rangeEnd.getTime() + (type.durationMinutes + type.bufferAfterMinutes) * 60_000);
  // One statement: the providers offering the type, their weekly hours, the range's overrides
  // and — the hot part — each one's free time in the window, as the gaps between its live
  // appointments and unexpired holds, keeping only gaps long enough for one visit with its
  // buffers. Live blocks never overlap (the exclusion constraint), so walking them in
  // "blockStart" order — straight off the ("providerId", "blockStart") index, no sort — each
  // gap runs from one block's end to the next one's start, and the last block is the one
  // ending latest. No block lasts over a day (a CHECK constraint), which bounds the index scan
  // from below. A provider with thousands of appointments yields a handful of gaps, not
  // thousands of rows. Row-level security confines it to the clinic; the explicit clinic
  // filter says so in the SQL too.
  const live = Prisma.sql`(a.status = 'booked' OR (a.status = 'held' AND a."holdExpiresAt" > ${now}))
        AND a."blockStart" < ${windowEnd} AND a."blockEnd" > ${windowStart}
        AND a."blockStart" > ${new Date(windowStart.getTime() - 86_400_000)}
        AND (${ignoreAppointmentId ?? null}::uuid IS NULL OR a.id <> ${ignoreAppointmentId ?? null}::uuid)`;
  const providers = await db.sql<ProviderFreeTime>`
    SELECT p.id, p.name,
      (SELECT coalesce(json_agg(json_build_object('weekday', w.weekday, 'startMinute', w."startMinute",
                                                  'endMinute', w."endMinute")), '[]'::json)
         FROM working_hours w WHERE w."providerId" = p.id) AS "workingHours",
      (SELECT coalesce(json_agg(json_build_object('date', to_char(o.date, 'YYYY-MM-DD'), 'kind', o.kind,
                                                  'startMinute', o."startMinute", 'endMinute', o."endMinute",
                                                  'providerId', o."providerId")), '[]'::json)
         FROM schedule_overrides o
        WHERE o."clinicId" = ${db.clinicId}::uuid AND o.date BETWEEN ${input.from}::date AND ${input.to}::date
          AND (o."providerId" IS NULL OR o."providerId" = p.id)) AS overrides,
      (SELECT coalesce(json_agg(json_build_array((extract(epoch FROM g.s) * 1000)::float8,
                                                 (extract(epoch FROM g.e) * 1000)::float8) ORDER BY g.s), '[]'::json)
         FROM (
           SELECT lag(a."blockEnd", 1, ${windowStart}::timestamptz) OVER (ORDER BY a."blockStart") AS s,
                  a."blockStart" AS e
             FROM appointments a WHERE a."providerId" = p.id AND ${live}
           UNION ALL
           SELECT coalesce((SELECT a."blockEnd" FROM appointments a WHERE a."providerId" = p.id AND ${live}
                             ORDER BY a."blockStart" DESC LIMIT 1), ${windowStart}::timestamptz),
                  ${windowEnd}::timestamptz
         ) g
        WHERE g.e - g.s >= make_interval(mins => ${blockMinutes}::int)) AS free
    FROM providers p
    WHERE p."clinicId" = ${db.clinicId}::uuid AND p.active
      AND (${input.providerId ?? null}::uuid IS NULL OR p.id = ${input.providerId ?? null}::uuid)
      AND EXISTS (SELECT 1 FROM provider_appointment_types x
                  WHERE x."providerId" = p.id AND x."appointmentTypeId" = ${type.id}::uuid)
    ORDER BY p.name`;
  if (input.providerId && providers.length === 0)
    throw new AppError("NOT_FOUND", "no such provider offers this appointment type");

  const earliest = now.getTime() + clinic.minNoticeMinutes * 60_000;
  const latest = now.getTime() + clinic.bookingHorizonDays * 86_400_000;
  const duration = type.durationMinutes * 60_000;
  const before = type.bufferBeforeMinutes * 60_000;
  const after = type.bufferAfterMinutes * 60_000;

  type Found = { providerId: string; providerName: string; start: number; day: LocalDate; minute: number };
  const found: Found[] = [];
  const dates = [...datesBetween(from, to)].map((date) => ({ date, ...dayClock(date, clinic.timezone) }));

  for (const provider of providers) {
    const free = provider.free.map(([start, end]) => ({ start, end }));
    for (const { date, toInstant } of dates) {
      const iso = formatLocalDate(date);
      const todays = provider.overrides.filter((o) => o.date === iso);
      for (const hours of workingHoursOn(weekday(date), provider.workingHours, todays).hours) {
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
