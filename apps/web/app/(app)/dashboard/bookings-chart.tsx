"use client";

import dynamic from "next/dynamic";
import { Panel } from "@/components/panel";
import { Skeleton } from "@/components/ui/skeleton";

const BookingsBars = dynamic(() => import("./bookings-bars"), {
  ssr: false,
  loading: () => <Skeleton className="h-[220px]" />,
});

export type DayCount = { day: string; label: string; title: string; booked: number };

/** Booked appointments per day, with the same facts in a sentence for anyone not seeing the bars. */
export function BookingsChart({ days }: { days: DayCount[] }) {
  const total = days.reduce((sum, d) => sum + d.booked, 0);
  const busiest = days.reduce<DayCount | null>((top, d) => (d.booked > (top?.booked ?? 0) ? d : top), null);
  const summary =
    total === 0
      ? "Nothing booked in the next 14 days yet."
      : `${total} booked in the next 14 days; the busiest day is ${busiest?.title} (${busiest?.booked}).`;
  return (
    <Panel title="Booked appointments, the next 14 days" description={summary}>
      <BookingsBars days={days} summary={summary} />
    </Panel>
  );
}
