"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

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
    <Card aria-labelledby="bookings-chart-title">
      <CardHeader>
        <CardTitle id="bookings-chart-title">Booked appointments, the next 14 days</CardTitle>
        <CardDescription>{summary}</CardDescription>
      </CardHeader>
      <CardContent>
        <BarChart
          responsive
          style={{ width: "100%", height: 220 }}
          data={days}
          margin={{ top: 20, right: 8, bottom: 0, left: 0 }}
          title="Booked appointments per day, the next 14 days"
          desc={summary}
        >
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis
            dataKey="label"
            tickLine={false}
            axisLine={false}
            fontSize={12}
            stroke="var(--color-muted-foreground)"
          />
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
      </CardContent>
    </Card>
  );
}
