"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export type ChartDay = {
  day: string;
  /** "Nov 8" under the bars; "Sunday, Nov 8" in the tooltip. */
  label: string;
  title: string;
  answered: number;
  missed: number;
  transferred: number;
  bookings: number;
};

const axis = { tickLine: false, axisLine: false, fontSize: 12, stroke: "var(--color-muted-foreground)" } as const;

function Frame({
  days,
  title,
  summary,
  children,
}: {
  days: ChartDay[];
  title: string;
  summary: string;
  children: React.ReactNode;
}) {
  return (
    <BarChart
      responsive
      style={{ width: "100%", height: 260 }}
      data={days}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      title={title}
      desc={summary}
      barCategoryGap={days.length > 45 ? 1 : "20%"}
    >
      <CartesianGrid vertical={false} stroke="var(--color-border)" />
      <XAxis dataKey="label" {...axis} minTickGap={16} />
      <YAxis allowDecimals={false} width={32} {...axis} />
      <Tooltip
        cursor={{ fill: "var(--color-muted)" }}
        labelFormatter={(_, payload) => payload[0]?.payload.title ?? ""}
      />
      {children}
    </BarChart>
  );
}

/** Calls per day, stacked by how they ended: recharts, loaded after the page. */
export function CallsBars({ days, summary }: { days: ChartDay[]; summary: string }) {
  return (
    <Frame days={days} title="Calls per day" summary={summary}>
      <Legend
        verticalAlign="top"
        align="right"
        height={28}
        iconType="circle"
        iconSize={8}
        wrapperStyle={{ fontSize: 12 }}
      />
      <Bar dataKey="answered" name="Answered" stackId="calls" fill="var(--color-chart-1)" maxBarSize={32} />
      <Bar dataKey="missed" name="Missed or abandoned" stackId="calls" fill="var(--color-chart-2)" maxBarSize={32} />
      <Bar
        dataKey="transferred"
        name="Transferred"
        stackId="calls"
        fill="var(--color-chart-3)"
        radius={[3, 3, 0, 0]}
        maxBarSize={32}
      />
    </Frame>
  );
}

export function BookingsBars({ days, summary }: { days: ChartDay[]; summary: string }) {
  return (
    <Frame days={days} title="Bookings made by the receptionist per day" summary={summary}>
      <Bar dataKey="bookings" name="Booked" fill="var(--color-chart-4)" radius={[3, 3, 0, 0]} maxBarSize={32} />
    </Frame>
  );
}
