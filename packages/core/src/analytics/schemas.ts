// Client-safe: the analytics page's inputs and what it gets back, shared with the web app and
// integrators' typed client.
import { z } from "zod";
import { CallOutcome } from "../generated/prisma/enums";
import { localDate } from "../time/schemas";

const MAX_RANGE_DAYS = 366;

export const analyticsInput = z
  .object({
    /** The clinic's calendar days, both included. */
    from: localDate,
    to: localDate,
    assistantId: z.uuid().optional(),
    phoneNumberId: z.uuid().optional(),
  })
  .refine((range) => range.from <= range.to, { message: "the range must end on or after its start", path: ["to"] })
  .refine((range) => daysIn(range) <= MAX_RANGE_DAYS, {
    message: `choose at most ${MAX_RANGE_DAYS} days`,
    path: ["from"],
  });

export type AnalyticsInput = z.infer<typeof analyticsInput>;

/** Days in an inclusive range of local dates. */
export function daysIn(range: { from: string; to: string }) {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
}

const totals = z.object({
  calls: z.number(),
  answered: z.number(),
  missed: z.number(),
  transferred: z.number(),
  askedToBook: z.number(),
  booked: z.number(),
  /** Bookings the receptionist made (appointments created on calls). */
  bookings: z.number(),
  /** Calls that booked / calls that asked; null when none asked. */
  conversion: z.number().nullable(),
  talkSeconds: z.number(),
  averageTalkSeconds: z.number().nullable(),
  costUsd: z.number(),
  costPerCallUsd: z.number().nullable(),
  costPerBookingUsd: z.number().nullable(),
});

export const callAnalyticsSchema = z.object({
  range: z.object({ from: z.string(), to: z.string(), timezone: z.string() }),
  previousRange: z.object({ from: z.string(), to: z.string() }),
  totals,
  previous: totals,
  perDay: z.array(
    z.object({
      day: z.string(),
      answered: z.number(),
      missed: z.number(),
      transferred: z.number(),
      bookings: z.number(),
    }),
  ),
  outcomes: z.array(z.object({ outcome: z.enum(CallOutcome).nullable(), calls: z.number() })),
  /** Calls by the clinic's weekday (0 Sunday … 6 Saturday) and hour. */
  busiestHours: z.array(z.object({ weekday: z.number(), hour: z.number(), calls: z.number() })),
  byAssistant: z.array(
    z.object({
      assistantId: z.string().nullable(),
      name: z.string(),
      calls: z.number(),
      booked: z.number(),
      talkSeconds: z.number(),
      costUsd: z.number(),
    }),
  ),
  byNumber: z.array(
    z.object({
      phoneNumberId: z.string().nullable(),
      e164: z.string().nullable(),
      label: z.string().nullable(),
      calls: z.number(),
      booked: z.number(),
    }),
  ),
});

export type CallAnalytics = z.infer<typeof callAnalyticsSchema>;
