"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, ChartColumn, Minus } from "lucide-react";
import dynamic from "next/dynamic";
import { type Change, changeOf, count, hourLabel, money, percent, talkTime } from "@/analytics/figures";
import { describeRange } from "@/analytics/ranges";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Panel } from "@/components/panel";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDay, WEEK_ORDER, WEEKDAYS } from "@/lib/clinic-time";
import { formatPhone } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import type { RouterInputs, RouterOutputs } from "@/trpc/types";
import { outcomeLabel } from "../calls/call-labels";
import type { ChartDay } from "./daily-charts";

type Analytics = RouterOutputs["analytics"]["calls"];

const chartSkeleton = () => <Skeleton className="h-[260px]" />;
const CallsBars = dynamic(() => import("./daily-charts").then((m) => m.CallsBars), {
  ssr: false,
  loading: chartSkeleton,
});
const BookingsBars = dynamic(() => import("./daily-charts").then((m) => m.BookingsBars), {
  ssr: false,
  loading: chartSkeleton,
});

/** The figures, charts and tables for one period; `input` is the one the page prefetched. */
export function AnalyticsReport({
  input,
  everCalled,
  line,
  filtered,
}: {
  input: RouterInputs["analytics"]["calls"];
  everCalled: boolean;
  line: string | null;
  filtered: boolean;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.analytics.calls.queryOptions(input));

  if (data.totals.calls === 0 && data.previous.calls === 0) {
    return everCalled ? (
      <EmptyState icon={ChartColumn} title={`No calls ${describeRange(data.range)}`}>
        {filtered
          ? "Nothing came in on this assistant or number in these days. Choose all assistants and numbers, or a longer period."
          : "Nothing came in during these days or the ones before. Choose a longer period, or last month."}
      </EmptyState>
    ) : (
      <EmptyState icon={ChartColumn} title="Nothing to analyse yet">
        Once the receptionist answers calls{line ? ` on ${line}` : ""}, this page shows how many were answered, what
        they booked, the busiest hours and what the calls cost, day by day and compared with the period before.
      </EmptyState>
    );
  }

  const days: ChartDay[] = data.perDay.map((d) => ({
    ...d,
    label: formatDay(d.day, "short").replace(/, \d{4}$/, ""),
    title: formatDay(d.day, "weekday"),
  }));

  return (
    <div className="grid gap-6">
      <Headline data={data} />
      <CallsPanel days={days} totals={data.totals} />
      <div className="grid gap-6 lg:grid-cols-2">
        <BookingsPanel days={days} bookings={data.totals.bookings} />
        <OutcomesPanel outcomes={data.outcomes} calls={data.totals.calls} />
      </div>
      <BusiestHours hours={data.busiestHours} />
      {/* Full width, one above the other: side by side, five columns of figures didn't fit. */}
      <div className="grid gap-6">
        <Panel title="By assistant">
          <DataTable
            rows={data.byAssistant}
            rowKey={(row) => row.assistantId ?? "none"}
            columns={[
              { header: "Assistant", cell: (row) => row.name },
              { header: "Calls", className: "text-right tabular-nums", cell: (row) => count(row.calls) },
              { header: "Booked", className: "text-right tabular-nums", cell: (row) => count(row.booked) },
              {
                header: "Talk time",
                className: "text-right whitespace-nowrap",
                cell: (row) => talkTime(row.talkSeconds),
              },
              { header: "Cost", className: "text-right tabular-nums", cell: (row) => money(row.costUsd) },
            ]}
          />
        </Panel>
        <Panel title="By number">
          <DataTable
            rows={data.byNumber}
            rowKey={(row) => row.phoneNumberId ?? "none"}
            columns={[
              {
                header: "Number",
                cell: (row) =>
                  row.e164 ? (
                    <>
                      <span className="block">{row.label ?? formatPhone(row.e164)}</span>
                      {row.label ? (
                        <span className="text-muted-foreground text-xs">{formatPhone(row.e164)}</span>
                      ) : null}
                    </>
                  ) : (
                    "No number"
                  ),
              },
              { header: "Calls", className: "text-right tabular-nums", cell: (row) => count(row.calls) },
              {
                header: "Share",
                className: "text-right tabular-nums",
                cell: (row) => percent(row.calls / data.totals.calls),
              },
              { header: "Booked", className: "text-right tabular-nums", cell: (row) => count(row.booked) },
            ]}
          />
        </Panel>
      </div>
    </div>
  );
}

/** ▲ 12% in the colour of good or bad news, with the words for screen readers. */
function ChangeNote({ change }: { change: Change | null }) {
  if (!change) return <span className="text-muted-foreground text-xs">No earlier figure</span>;
  const Icon = change.direction === "up" ? ArrowUp : change.direction === "down" ? ArrowDown : Minus;
  const words =
    change.direction === "same"
      ? "no change from the previous period"
      : change.text === "new"
        ? "none in the previous period"
        : `${change.direction} ${change.text} from the previous period`;
  return (
    <span
      className={cn(
        "inline-flex items-center gap-0.5 font-medium text-xs",
        change.good === true && "text-success",
        change.good === false && "text-destructive",
        change.good === null && "text-muted-foreground",
      )}
    >
      <Icon className="size-3.5" aria-hidden />
      <span aria-hidden>{change.direction === "same" ? "No change" : change.text === "new" ? "New" : change.text}</span>
      <span className="sr-only">{words}</span>
    </span>
  );
}

function Figure({
  label,
  value,
  change,
  detail,
}: {
  label: string;
  value: string;
  change: Change | null;
  detail?: string;
}) {
  return (
    <Card role="group" aria-label={label} className="grid content-start gap-1 p-4">
      <span className="text-muted-foreground text-sm">{label}</span>
      <strong className="font-semibold text-2xl tabular-nums">{value}</strong>
      <ChangeNote change={change} />
      {detail ? <span className="text-muted-foreground text-xs">{detail}</span> : null}
    </Card>
  );
}

function Headline({ data }: { data: Analytics }) {
  const { totals: now, previous: before } = data;
  const answeredShare = now.calls > 0 ? now.answered / now.calls : null;
  return (
    <section aria-labelledby="headline" className="grid gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="headline" className="font-semibold text-base">
          At a glance
        </h2>
        <p className="text-muted-foreground text-sm">Changes compare with {describeRange(data.previousRange)}</p>
      </div>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Figure
          label="Calls"
          value={count(now.calls)}
          change={changeOf(now.calls, before.calls)}
          detail={`${count(now.missed)} missed, ${count(now.transferred)} transferred`}
        />
        <Figure
          label="Answered"
          value={count(now.answered)}
          change={changeOf(now.answered, before.answered, { better: "up" })}
          detail={answeredShare === null ? undefined : `${percent(answeredShare)} of calls, handled start to finish`}
        />
        <Figure
          label="Booked by the receptionist"
          value={count(now.bookings)}
          change={changeOf(now.bookings, before.bookings, { better: "up" })}
          detail="Appointments made on calls"
        />
        <Figure
          label="Booking conversion"
          value={percent(now.conversion)}
          change={changeOf(now.conversion, before.conversion, { points: true, better: "up" })}
          detail={`${count(now.booked)} of ${count(now.askedToBook)} callers who asked for a time booked`}
        />
        <Figure
          label="Average talk time"
          value={talkTime(now.averageTalkSeconds)}
          change={changeOf(now.averageTalkSeconds, before.averageTalkSeconds)}
          detail="Per call someone talked on"
        />
        <Figure
          label="Total talk time"
          value={talkTime(now.talkSeconds)}
          change={changeOf(now.talkSeconds, before.talkSeconds)}
          detail="Time the receptionist spent on the phone"
        />
        <Figure
          label="Cost"
          value={money(now.costUsd)}
          change={changeOf(now.costUsd, before.costUsd)}
          detail={`${money(now.costPerCallUsd)} per call`}
        />
        <Figure
          label="Cost per booking"
          value={money(now.costPerBookingUsd)}
          change={changeOf(now.costPerBookingUsd, before.costPerBookingUsd, { better: "down" })}
          detail="All calls' cost over the bookings made"
        />
      </div>
    </section>
  );
}

function CallsPanel({ days, totals }: { days: ChartDay[]; totals: Analytics["totals"] }) {
  const busiest = days.reduce<ChartDay | null>(
    (top, d) =>
      d.answered + d.missed + d.transferred > (top ? top.answered + top.missed + top.transferred : 0) ? d : top,
    null,
  );
  const summary = `${count(totals.calls)} calls: ${count(totals.answered)} answered, ${count(totals.missed)} missed or abandoned, ${count(totals.transferred)} transferred.${
    busiest ? ` The busiest day was ${busiest.title} (${busiest.answered + busiest.missed + busiest.transferred}).` : ""
  }`;
  return (
    <Panel title="Calls per day" description={summary}>
      <CallsBars days={days} summary={summary} />
    </Panel>
  );
}

function BookingsPanel({ days, bookings }: { days: ChartDay[]; bookings: number }) {
  const busiest = days.reduce<ChartDay | null>((top, d) => (d.bookings > (top?.bookings ?? 0) ? d : top), null);
  const summary =
    bookings === 0
      ? "The receptionist booked nothing in these days."
      : `${count(bookings)} appointments booked on calls; the most on ${busiest?.title} (${busiest?.bookings}).`;
  return (
    <Panel title="Bookings per day" description={summary}>
      <BookingsBars days={days} summary={summary} />
    </Panel>
  );
}

function OutcomesPanel({ outcomes, calls }: { outcomes: Analytics["outcomes"]; calls: number }) {
  const top = Math.max(...outcomes.map((o) => o.calls), 1);
  return (
    <Panel title="How calls ended" description="Every call of the period by its outcome.">
      <ul className="grid gap-2.5" aria-label="Outcomes">
        {outcomes.map((o) => (
          <li key={o.outcome ?? "none"} className="grid grid-cols-[9rem_1fr_5.5rem] items-center gap-3 text-sm">
            <span>{o.outcome ? outcomeLabel(o.outcome) : "No outcome yet"}</span>
            <span className="h-2.5 overflow-hidden rounded-full bg-muted" aria-hidden>
              <span className="block h-full rounded-full bg-chart-1" style={{ width: `${(o.calls / top) * 100}%` }} />
            </span>
            <span className="text-right tabular-nums">
              {count(o.calls)} <span className="text-muted-foreground">({percent(o.calls / calls)})</span>
            </span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** Calls by weekday and hour as a table: a screen reader reads each cell with its row and column. */
function BusiestHours({ hours }: { hours: Analytics["busiestHours"] }) {
  const byCell = new Map(hours.map((h) => [`${h.weekday}-${h.hour}`, h.calls]));
  const max = Math.max(...hours.map((h) => h.calls), 1);
  // The hours anything happened in, and never less than the working day.
  const first = Math.min(8, ...hours.map((h) => h.hour));
  const last = Math.max(18, ...hours.map((h) => h.hour));
  const columns = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const peak = hours.reduce<(typeof hours)[number] | null>((top, h) => (h.calls > (top?.calls ?? 0) ? h : top), null);
  const summary = peak
    ? `The busiest hour is ${WEEKDAYS[peak.weekday]}s ${hourLabel(peak.hour)} to ${hourLabel((peak.hour + 1) % 24)}, with ${count(peak.calls)} calls. Darker is busier.`
    : "No calls in these days.";
  return (
    <Panel title="Busiest hours" description={summary}>
      <div className="overflow-x-auto">
        <table className="w-full border-separate border-spacing-0.5 text-xs">
          <caption className="sr-only">Calls by weekday and hour of the day, clinic time</caption>
          <thead>
            <tr>
              <td />
              {columns.map((hour) => (
                <th key={hour} scope="col" className="px-0.5 pb-1 text-center font-normal text-muted-foreground">
                  <span aria-hidden>{hourLabel(hour).replace(" AM", "a").replace(" PM", "p")}</span>
                  <span className="sr-only">{hourLabel(hour)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEK_ORDER.map((weekday) => (
              <tr key={weekday}>
                <th scope="row" className="pr-2 text-left font-normal text-muted-foreground">
                  <span aria-hidden>{WEEKDAYS[weekday]?.slice(0, 3)}</span>
                  <span className="sr-only">{WEEKDAYS[weekday]}</span>
                </th>
                {columns.map((hour) => {
                  const calls = byCell.get(`${weekday}-${hour}`) ?? 0;
                  const strength = calls === 0 ? 0 : 12 + Math.round((calls / max) * 88);
                  return (
                    <td
                      key={hour}
                      title={`${WEEKDAYS[weekday]}, ${hourLabel(hour)}: ${calls} ${calls === 1 ? "call" : "calls"}`}
                      className={cn(
                        "h-8 min-w-8 rounded-sm text-center tabular-nums",
                        strength > 55 ? "text-primary-foreground" : "text-foreground",
                      )}
                      style={{
                        background:
                          calls === 0
                            ? "var(--color-muted)"
                            : `color-mix(in oklch, var(--color-chart-1) ${strength}%, var(--color-card))`,
                      }}
                    >
                      {calls === 0 ? <span className="sr-only">0</span> : calls}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center justify-end gap-2 text-muted-foreground text-xs" aria-hidden>
        Fewer
        {[12, 34, 56, 78, 100].map((s) => (
          <span
            key={s}
            className="size-3.5 rounded-sm"
            style={{ background: `color-mix(in oklch, var(--color-chart-1) ${s}%, var(--color-card))` }}
          />
        ))}
        More calls
      </div>
    </Panel>
  );
}
