// Dates and times at the edges, one definition each, so every input that takes a date checks it
// the same way: a date that does not exist ("2030-02-31", "2030-13-45") is a clear 400, never a
// silent roll-over into March or a database error. Client-safe (zod only).
import { z } from "zod";

/** Years an input may name: birth dates from 1900, bookings and filters up to 2199. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
const inRange = (d: Date) =>
  !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= FIRST_YEAR && d.getUTCFullYear() <= LAST_YEAR;
const OUT_OF_RANGE = `use a date between ${FIRST_YEAR} and ${LAST_YEAR}`;

/** Does "YYYY-MM-DD" name a day on the calendar (no February 31st, no month 13)? */
function isCalendarDate(text: string) {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date in the clinic's timezone, as the clinic reads it ("2030-03-05"). */
export const localDate = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2030-03-05")
  .refine(isCalendarDate, "that date does not exist; use a date like 2030-03-05")
  .refine((text) => inRange(new Date(`${text}T00:00:00Z`)), OUT_OF_RANGE);

/**
 * A moment in time: a Date (superjson clients), or an ISO 8601 timestamp with its offset
 * ("2030-03-05T14:30:00Z", "2030-03-05T09:30:00-05:00") from plain JSON. Numbers, booleans,
 * null and loose strings are refused rather than coerced (`new Date(null)` is 1970).
 */
export const instant = z
  .union([
    z.date({ error: "use a date and time like 2030-03-05T14:30:00Z" }),
    z.iso
      .datetime({ offset: true, error: "use a date and time like 2030-03-05T14:30:00Z" })
      .refine((text) => isCalendarDate(text.slice(0, 10)), "that date does not exist")
      .transform((text) => new Date(text)),
  ])
  .refine(inRange, OUT_OF_RANGE);

/**
 * A day without a time (a date of birth): "2030-03-05" or a Date, stored as that day at UTC
 * midnight, which is how a `date` column reads it back.
 */
export const calendarDay = z.union([
  localDate.transform((text) => new Date(`${text}T00:00:00Z`)),
  z
    .date({ error: "use a date like 1980-03-05" })
    .refine(inRange, OUT_OF_RANGE)
    .transform((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))),
]);

/** Wall-clock minutes after local midnight: 540 is 09:00, 1440 the end of the day. */
export const minuteOfDay = z
  .number({ error: "use minutes after midnight, 0 to 1440" })
  .int("use whole minutes after midnight")
  .min(0, "use minutes after midnight, 0 to 1440")
  .max(1440, "use minutes after midnight, 0 to 1440");

/**
 * For an object's `from` and `to` instants (`.superRefine(inOrderWithin(days))`): in order and
 * at most `days` apart, so one request cannot ask for all of time.
 */
export const inOrderWithin = (days: number) => (range: { from: Date; to: Date }, ctx: z.RefinementCtx) => {
  if (range.from > range.to) ctx.addIssue({ code: "custom", message: "`from` must not be after `to`", path: ["to"] });
  else if (range.to.getTime() - range.from.getTime() > days * 86_400_000)
    ctx.addIssue({ code: "custom", message: `ask for at most ${days} days at a time`, path: ["to"] });
};
