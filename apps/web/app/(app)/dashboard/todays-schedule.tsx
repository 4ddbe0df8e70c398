"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Panel } from "@/components/panel";
import { Badge } from "@/components/ui/badge";
import { addDays, formatDay, formatTime, localDay } from "@/lib/clinic-time";
import { fullName } from "@/lib/format";
import { routes } from "@/routes";
import { useTRPC } from "@/trpc/react";
import { BookingsChart } from "./bookings-chart";

/**
 * Today's appointments and the next 14 days' bookings, from one query that live updates
 * invalidate: a booking made on a call shows up here without a reload.
 */
export function DashboardSchedule({
  from,
  to,
  today,
  timezone,
}: {
  from: Date;
  to: Date;
  today: string;
  timezone: string;
}) {
  const trpc = useTRPC();
  const { data: appointments } = useSuspenseQuery(trpc.appointments.list.queryOptions({ from, to }));
  const booked = appointments.filter((a) => a.status === "booked");
  const perDay = new Map<string, number>();
  for (const appointment of booked) {
    const day = localDay(appointment.startsAt, timezone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const todays = booked
    .filter((a) => localDay(a.startsAt, timezone) === today)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const days = Array.from({ length: 14 }, (_, i) => addDays(today, i));
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
      <Panel
        title="Today's schedule"
        description={`${todays.length === 0 ? "Nothing" : todays.length} booked for ${formatDay(today, "weekday")}`}
        action={
          <Link href={`${routes.schedule.path}?date=${today}`} prefetch={false} className="text-sm">
            Open schedule
          </Link>
        }
      >
        {todays.length === 0 ? (
          <p className="text-muted-foreground text-sm">New bookings for today appear here as they are made.</p>
        ) : (
          <ul aria-label="Today's appointments" className="grid max-h-72 divide-y overflow-y-auto">
            {todays.map((a) => (
              <li key={a.id} className="flex items-center gap-3 py-2 text-sm first:pt-0 last:pb-0">
                <span className="w-16 shrink-0 font-mono tabular-nums">{formatTime(a.startsAt, timezone)}</span>
                <span className="min-w-0 flex-1 truncate">
                  {a.patient ? fullName(a.patient) : "—"}
                  <span className="text-muted-foreground">
                    {" "}
                    · {a.appointmentType.name}, {a.provider.name}
                  </span>
                </span>
                {a.source === "agent" ? <Badge tone="success">By phone</Badge> : null}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <BookingsChart
        days={days.map((day) => ({
          day,
          label: formatDay(day, "weekday").replace(/^(\w+), \w+ (\d+)$/, "$1 $2"),
          title: formatDay(day, "weekday"),
          booked: perDay.get(day) ?? 0,
        }))}
      />
    </div>
  );
}
