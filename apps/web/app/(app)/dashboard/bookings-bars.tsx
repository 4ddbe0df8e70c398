"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import type { DayCount } from "./bookings-chart";

/** The bars themselves: recharts, loaded after the page so its weight never delays the dashboard. */
export default function BookingsBars({ days, summary }: { days: DayCount[]; summary: string }) {
  return (
    <BarChart
      responsive
      style={{ width: "100%", height: 220 }}
      data={days}
      margin={{ top: 20, right: 8, bottom: 0, left: 0 }}
      title="Booked appointments per day, the next 14 days"
      desc={summary}
    >
      <CartesianGrid vertical={false} stroke="var(--color-border)" />
      <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} stroke="var(--color-muted-foreground)" />
      <YAxis
        allowDecimals={false}
        width={28}
        tickLine={false}
        axisLine={false}
        fontSize={12}
        stroke="var(--color-muted-foreground)"
      />
      <Tooltip
        cursor={{ fill: "var(--color-muted)" }}
        labelFormatter={(_, payload) => payload[0]?.payload.title ?? ""}
        formatter={(value) => [value, "Booked"]}
      />
      <Bar dataKey="booked" name="Booked" fill="var(--color-chart-1)" radius={[4, 4, 0, 0]} maxBarSize={40}>
        <LabelList dataKey="booked" position="top" fontSize={12} formatter={(v: unknown) => (v ? String(v) : "")} />
      </Bar>
    </BarChart>
  );
}
