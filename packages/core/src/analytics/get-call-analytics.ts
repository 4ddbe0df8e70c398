// What the receptionist did for the clinic over a range of its days, aggregated in PostgreSQL.
// Calls are read from the rollups triggers keep: `call_stats` per clinic day (in the clinic's
// zone), outcome, assistant and number, and `call_hour_stats` per day and hour for the weekday x
// hour grid, so a year is a few thousand rows, not every call. One pass of GROUPING SETS over
// the days gives the totals, the days, the outcomes, the assistants and the numbers together;
// bookings made on calls come from `appointments`; the period before gets its totals.
import { Prisma } from "../db";
import type { TenantDb } from "../tenancy";
import { localDaysToInstants } from "../time/zoned-time";
import { type AnalyticsInput, type CallAnalytics, daysIn } from "./schemas";

const MISSED = ["abandoned", "voicemail", "failed"];

type Row = {
  set: number;
  day: string | null;
  outcome: CallAnalytics["outcomes"][number]["outcome"];
  assistantId: string | null;
  phoneNumberId: string | null;
  calls: bigint;
  missed: bigint;
  transferred: bigint;
  asked: bigint;
  booked: bigint;
  talkSeconds: bigint | null;
  connectedSeconds: bigint | null;
  costUsd: Prisma.Decimal | null;
};

const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The calls of the clinic the filter asks for (an assistant, a number), any time. */
const callScope = (db: TenantDb, input: AnalyticsInput) =>
  Prisma.sql`"clinicId" = ${db.clinicId}::uuid
    ${input.assistantId ? Prisma.sql`AND "assistantId" = ${input.assistantId}::uuid` : Prisma.empty}
    ${input.phoneNumberId ? Prisma.sql`AND "phoneNumberId" = ${input.phoneNumberId}::uuid` : Prisma.empty}`;

// Bit order of GROUPING(day, outcome, assistantId, phoneNumberId): 1 = not grouped by.
const SET = {
  totals: 0b1111,
  day: 0b0111,
  outcome: 0b1011,
  assistant: 0b1101,
  number: 0b1110,
};

/** Calls over the range, every grouping at once; `set` says which grouping a row belongs to. */
function aggregateCalls(db: TenantDb, input: AnalyticsInput, range: { from: string; to: string }, totalsOnly: boolean) {
  const groups = Prisma.sql`day, outcome, "assistantId", "phoneNumberId"`;
  const [set, columns, grouping] = totalsOnly
    ? [Prisma.sql`${SET.totals}`, Prisma.sql`NULL, NULL, NULL, NULL`, Prisma.sql`()`]
    : [
        Prisma.sql`GROUPING(${groups})`,
        groups,
        Prisma.sql`GROUPING SETS ((), (day), (outcome), ("assistantId"), ("phoneNumberId"))`,
      ];
  return db.$queryRaw<Row[]>`
    WITH s AS (
      SELECT to_char(day, 'YYYY-MM-DD') AS day, outcome::text AS outcome, "assistantId", "phoneNumberId",
             calls, asked, "talkSeconds", "costUsd"
      FROM call_stats
      WHERE ${callScope(db, input)} AND day >= ${range.from}::date AND day <= ${range.to}::date
    )
    SELECT (${set})::int AS set,
           ${columns},
           sum(calls)::bigint AS calls,
           coalesce(sum(calls) FILTER (WHERE outcome = ANY(${MISSED})), 0)::bigint AS missed,
           coalesce(sum(calls) FILTER (WHERE outcome = 'transferred'), 0)::bigint AS transferred,
           sum(asked)::bigint AS asked,
           coalesce(sum(calls) FILTER (WHERE outcome = 'booked'), 0)::bigint AS booked,
           sum("talkSeconds")::bigint AS "talkSeconds",
           coalesce(sum("talkSeconds") FILTER (WHERE outcome IS NULL OR NOT outcome = ANY(${MISSED})), 0)::bigint
             AS "connectedSeconds",
           sum("costUsd") AS "costUsd"
    FROM s
    GROUP BY ${grouping}
    HAVING sum(calls) > 0`;
}

/** Calls by the clinic's weekday (0 Sunday) and hour over the range. */
function aggregateHours(db: TenantDb, input: AnalyticsInput) {
  return db.$queryRaw<{ weekday: number; hour: number; calls: bigint }[]>`
    SELECT extract(dow FROM day)::int AS weekday, hour::int AS hour, sum(calls)::bigint AS calls
    FROM call_hour_stats
    WHERE ${callScope(db, input)} AND day >= ${input.from}::date AND day <= ${input.to}::date
    GROUP BY 1, 2
    HAVING sum(calls) > 0`;
}

/** Bookings the receptionist made (appointments created on a call of the filter), per clinic day. */
function aggregateBookings(db: TenantDb, input: AnalyticsInput, range: { start: Date; end: Date }, timeZone: string) {
  const onFilteredCall =
    input.assistantId || input.phoneNumberId
      ? Prisma.sql`AND a."callId" IN (SELECT id FROM calls WHERE ${callScope(db, input)})`
      : Prisma.empty;
  return db.$queryRaw<{ day: string; bookings: bigint }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, bookings FROM (
      SELECT (a."createdAt" AT TIME ZONE ${timeZone})::date AS day, count(*) AS bookings
      FROM appointments a
      WHERE a."clinicId" = ${db.clinicId}::uuid AND a.source = 'agent' AND a.status <> 'held'
        AND a."createdAt" >= ${range.start} AND a."createdAt" < ${range.end}
        ${onFilteredCall}
      GROUP BY 1
    ) AS per_day`;
}

const n = (value: bigint | number | null | undefined) => Number(value ?? 0);
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const money = (value: Prisma.Decimal | null) => (value ? Number(value.toFixed(4)) : 0);

function totalsOf(row: Row | undefined, bookings: number): CallAnalytics["totals"] {
  const calls = n(row?.calls);
  const missed = n(row?.missed);
  const transferred = n(row?.transferred);
  const talkSeconds = n(row?.talkSeconds);
  const costUsd = money(row?.costUsd ?? null);
  return {
    calls,
    answered: calls - missed - transferred,
    missed,
    transferred,
    askedToBook: n(row?.asked),
    booked: n(row?.booked),
    bookings,
    conversion: ratio(n(row?.booked), n(row?.asked)),
    talkSeconds,
    // Over the calls someone talked on: a missed call's seconds of ringing are no conversation.
    averageTalkSeconds: ratio(n(row?.connectedSeconds), calls - missed),
    costUsd,
    costPerCallUsd: ratio(costUsd, calls),
    costPerBookingUsd: ratio(costUsd, bookings),
  };
}

export async function getCallAnalytics(db: TenantDb, input: AnalyticsInput): Promise<CallAnalytics> {
  const days = daysIn(input);
  const previousRange = { from: shiftDays(input.from, -days), to: shiftDays(input.from, -1) };
  const clinic = await db.clinic.findFirstOrThrow({ select: { timezone: true } });
  const timeZone = clinic.timezone;
  const current = localDaysToInstants(input, timeZone);
  const previous = localDaysToInstants(previousRange, timeZone);
  // Separate statements on the pool, not one connection: they run side by side.
  const [rows, hours, bookingRows, previousRows, previousBookings, assistants, numbers] = await Promise.all([
    aggregateCalls(db, input, input, false),
    aggregateHours(db, input),
    aggregateBookings(db, input, current, timeZone),
    aggregateCalls(db, input, previousRange, true),
    aggregateBookings(db, input, previous, timeZone),
    db.assistant.findMany({ select: { id: true, name: true } }),
    db.phoneNumber.findMany({ select: { id: true, e164: true, label: true } }),
  ]);
  const bookingsOn = new Map(bookingRows.map((row) => [row.day, n(row.bookings)]));
  const bookings = [...bookingsOn.values()].reduce((sum, count) => sum + count, 0);
  const inSet = (set: number) => rows.filter((row) => row.set === set);
  const callsOn = new Map(inSet(SET.day).map((row) => [row.day, row]));
  const assistantName = new Map(assistants.map((a) => [a.id, a.name]));
  const number = new Map(numbers.map((p) => [p.id, p]));

  return {
    range: { from: input.from, to: input.to, timezone: timeZone },
    previousRange,
    totals: totalsOf(inSet(SET.totals)[0], bookings),
    previous: totalsOf(
      previousRows[0],
      previousBookings.reduce((sum, row) => sum + n(row.bookings), 0),
    ),
    perDay: Array.from({ length: days }, (_, i) => {
      const day = shiftDays(input.from, i);
      const row = callsOn.get(day);
      const missed = n(row?.missed);
      const transferred = n(row?.transferred);
      return {
        day,
        answered: n(row?.calls) - missed - transferred,
        missed,
        transferred,
        bookings: bookingsOn.get(day) ?? 0,
      };
    }),
    outcomes: inSet(SET.outcome)
      .map((row) => ({ outcome: row.outcome, calls: n(row.calls) }))
      .sort((a, b) => b.calls - a.calls),
    busiestHours: hours.map((row) => ({
      weekday: n(row.weekday),
      hour: n(row.hour),
      calls: n(row.calls),
    })),
    byAssistant: inSet(SET.assistant)
      .map((row) => ({
        assistantId: row.assistantId,
        name: (row.assistantId && assistantName.get(row.assistantId)) || "No assistant",
        calls: n(row.calls),
        booked: n(row.booked),
        talkSeconds: n(row.talkSeconds),
        costUsd: money(row.costUsd),
      }))
      .sort((a, b) => b.calls - a.calls),
    byNumber: inSet(SET.number)
      .map((row) => {
        const known = row.phoneNumberId ? number.get(row.phoneNumberId) : undefined;
        return {
          phoneNumberId: row.phoneNumberId,
          e164: known?.e164 ?? null,
          label: known?.label ?? null,
          calls: n(row.calls),
          booked: n(row.booked),
        };
      })
      .sort((a, b) => b.calls - a.calls),
  };
}
