"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { CalendarOff } from "lucide-react";
import { useRouter } from "next/navigation";
import { type CSSProperties, useState } from "react";
import { toast } from "sonner";
import { EmptyState } from "@/components/empty-state";
import { cn } from "@/lib/utils";
import {
  bookable,
  buildCalendar,
  type PlacedAppointment,
  type ScheduleParams,
  scheduleHref,
  scheduleWindow,
} from "@/schedule/calendar";
import { useClinic } from "@/shell/use-clinic";
import { useTRPC } from "@/trpc/react";
import { AppointmentPanel } from "./appointment-panel";
import { BookingPanel } from "./booking-panel";

// Height of one minute on the grid: a 30-minute visit is tall enough for two lines.
const PX_PER_MINUTE = 1.6;

const statusClass: Record<PlacedAppointment["status"], string> = {
  held: "border-dashed bg-muted",
  booked: "bg-card",
  cancelled: "bg-card opacity-60",
  completed: "bg-card opacity-60",
  no_show: "bg-card opacity-60",
};

/** What the panels beside the grid need to know about the clinic and this calendar. */
export type ScheduleContext = {
  timeZone: string;
  today: string;
  /** The day the booking form starts on: the calendar's day, or today if that has passed. */
  bookingDay: string;
  /** The provider in the URL (always one in week view), kept when the calendar moves. */
  providerParam: string | null;
  canSeePatients: boolean;
} & ReturnType<typeof bookable>;

/** The calendar grid, with the selected appointment and the booking form beside it. */
export function ScheduleBoard({
  params,
  today,
  canSeePatients,
  setUpHint,
}: {
  params: ScheduleParams;
  today: string;
  canSeePatients: boolean;
  setUpHint: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { timezone: timeZone } = useClinic();
  const { data: providers } = useSuspenseQuery(trpc.providers.list.queryOptions());
  const { data: types } = useSuspenseQuery(trpc.appointmentTypes.list.queryOptions());
  const window = scheduleWindow(params, providers, timeZone);
  const { data: appointments } = useSuspenseQuery(trpc.appointments.list.queryOptions(window.appointments));
  const { data: overrides } = useSuspenseQuery(trpc.providers.overrides.queryOptions(window.overrides));
  const calendar = buildCalendar(window, { providers, appointments, overrides }, { today, timeZone });
  const context: ScheduleContext = {
    timeZone,
    today,
    bookingDay: window.date < today ? today : window.date,
    providerParam: window.providerParam,
    canSeePatients,
    ...bookable(providers, types),
  };

  const [selectedId, setSelectedId] = useState<string | null>(null);
  // A refetch that no longer has the appointment (cancelled, moved elsewhere) closes its panel.
  const selected = calendar.appointments.find((a) => a.id === selectedId) ?? null;
  const { rangeStart, rangeEnd, columns } = calendar;
  const height = (rangeEnd - rangeStart) * PX_PER_MINUTE;
  const y = (minute: number) => (Math.min(Math.max(minute, rangeStart), rangeEnd) - rangeStart) * PX_PER_MINUTE;

  /** After a change: say what happened, show its day if the calendar isn't on it, refetch the calendar and open times. */
  function done(message: string, day: string | null) {
    // Long enough to read back to a caller on the phone.
    toast.success(message, { duration: 10_000 });
    setSelectedId(null);
    void queryClient.invalidateQueries(trpc.appointments.pathFilter());
    if (day && !columns.some((c) => c.day === day)) router.push(scheduleHref(day, window.view, window.providerParam));
  }

  const gridStyle: CSSProperties = {
    gridTemplateColumns: `4rem repeat(${Math.max(columns.length, 1)}, minmax(7.5rem, 1fr))`,
  };
  const hourLines: CSSProperties = {
    backgroundImage: "linear-gradient(to bottom, var(--color-border) 1px, transparent 1px)",
    backgroundSize: `100% ${60 * PX_PER_MINUTE}px`,
  };

  return (
    <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
      {columns.length === 0 ? (
        <EmptyState icon={CalendarOff} title="No active providers">
          Everyone is marked inactive. Reactivate a provider to see their column here.
        </EmptyState>
      ) : (
        <section aria-label="Calendar" className="overflow-x-auto rounded-lg border bg-card shadow-xs">
          <div className="grid min-w-fit" style={gridStyle}>
            <div className="sticky top-0 border-b bg-card" />
            {columns.map((column) => (
              <div key={column.key} className="grid gap-0.5 border-b border-l px-2 py-2 text-sm">
                <strong className={cn("font-semibold", column.today && "text-primary")}>{column.title}</strong>
                {column.subtitle ? <span className="text-muted-foreground text-xs">{column.subtitle}</span> : null}
                {column.note ? <span className="text-warning text-xs">{column.note}</span> : null}
              </div>
            ))}
            <div className="relative" style={{ height }} aria-hidden>
              {calendar.hourLabels.map((hour) => (
                <span
                  key={hour.minute}
                  className="absolute right-2 -translate-y-1/2 text-[0.7rem] text-muted-foreground first:translate-y-0.5"
                  style={{ top: y(hour.minute) }}
                >
                  {hour.label}
                </span>
              ))}
            </div>
            {columns.map((column) => {
              const mine = calendar.appointments.filter((a) => a.columnKey === column.key);
              return (
                <div
                  key={column.key}
                  className="relative border-l bg-[repeating-linear-gradient(135deg,var(--color-muted)_0_6px,transparent_6px_12px)]"
                  style={{ height }}
                >
                  {column.hours.map((h) => (
                    <div
                      key={`${h.startMinute}-${h.endMinute}`}
                      className="absolute inset-x-0 bg-card"
                      style={{ top: y(h.startMinute), height: y(h.endMinute) - y(h.startMinute) }}
                    />
                  ))}
                  <div className="pointer-events-none absolute inset-0" style={hourLines} />
                  {mine.length === 0 && column.hours.length > 0 ? (
                    <span className="sr-only">No appointments</span>
                  ) : null}
                  {mine.map((a) => (
                    <button
                      key={a.id}
                      type="button"
                      className={cn(
                        "absolute inset-x-1 cursor-pointer overflow-hidden rounded-md border border-l-4 px-1.5 py-1 text-left text-xs leading-tight shadow-xs hover:shadow-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-pressed:ring-2 aria-pressed:ring-primary",
                        statusClass[a.status],
                      )}
                      style={{
                        top: y(a.startMinute),
                        height: Math.max(y(a.endMinute) - y(a.startMinute), 22),
                        borderLeftColor: a.color,
                      }}
                      aria-pressed={a.id === selectedId}
                      onClick={() => setSelectedId(a.id === selectedId ? null : a.id)}
                    >
                      <span className="text-muted-foreground">{a.timeLabel}</span>{" "}
                      <strong className="font-semibold">{a.patient?.name ?? "Held"}</strong>{" "}
                      <span>{a.appointmentType.name}</span>
                    </button>
                  ))}
                </div>
              );
            })}
          </div>
        </section>
      )}
      <aside className="grid gap-4">
        {selected ? (
          <AppointmentPanel
            key={selected.id}
            appointment={selected}
            context={context}
            onClose={() => setSelectedId(null)}
            onDone={done}
          />
        ) : null}
        <BookingPanel
          key={`${context.bookingDay}:${context.providerParam ?? ""}`}
          context={context}
          setUpHint={setUpHint}
          onBooked={done}
        />
      </aside>
    </div>
  );
}
