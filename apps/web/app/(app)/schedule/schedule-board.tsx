"use client";

import { useRouter } from "next/navigation";
import { type CSSProperties, useEffect, useState } from "react";
import { AppointmentPanel } from "./appointment-panel";
import { BookingPanel } from "./booking-panel";
import type { Calendar, CalendarAppointment } from "./types";

// Height of one minute on the grid: a 30-minute visit is tall enough for two lines.
const PX_PER_MINUTE = 1.6;

const statusClass: Record<CalendarAppointment["status"], string> = {
  held: "held",
  booked: "",
  cancelled: "past",
  completed: "past",
  no_show: "past",
};

// What just happened, carried across the navigation to the day it happened on (which may mount a
// new board): read once by the next board, then forgotten.
let carriedNotice: string | null = null;

/** The calendar grid, with the selected appointment and the booking form beside it. */
export function ScheduleBoard({ calendar, setUpHint }: { calendar: Calendar; setUpHint: string }) {
  const router = useRouter();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(() => carriedNotice);
  useEffect(() => {
    carriedNotice = null;
  }, []);
  // A refresh that no longer has the appointment (cancelled, moved elsewhere) closes its panel.
  const selected = calendar.appointments.find((a) => a.id === selectedId) ?? null;
  const { rangeStart, rangeEnd, columns } = calendar;
  const height = (rangeEnd - rangeStart) * PX_PER_MINUTE;
  const y = (minute: number) => (Math.min(Math.max(minute, rangeStart), rangeEnd) - rangeStart) * PX_PER_MINUTE;

  /** After a change: show its day if the calendar isn't on it, and reload what the server has. */
  function done(message: string, day: string | null) {
    setNotice(message);
    setSelectedId(null);
    if (day && !columns.some((c) => c.day === day)) {
      carriedNotice = message;
      const params = new URLSearchParams({ date: day, view: calendar.view });
      if (calendar.providerParam) params.set("provider", calendar.providerParam);
      router.push(`/schedule?${params}`);
    }
    router.refresh();
  }

  const gridStyle: CSSProperties = {
    gridTemplateColumns: `4rem repeat(${Math.max(columns.length, 1)}, minmax(7.5rem, 1fr))`,
  };
  const linesStyle: CSSProperties = { backgroundSize: `100% ${60 * PX_PER_MINUTE}px` };

  return (
    <div className="schedule">
      <div className="schedule-main">
        {notice ? (
          <p className="notice" role="status">
            {notice}{" "}
            <button type="button" className="link-button" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </p>
        ) : null}
        {columns.length === 0 ? (
          <div className="empty">
            <h2>No active providers</h2>
            <p className="muted">Everyone is marked inactive. Reactivate a provider to see their column here.</p>
          </div>
        ) : (
          <section className="calendar" aria-label="Calendar">
            <div className="calendar-grid" style={gridStyle}>
              <div className="calendar-corner" />
              {columns.map((column) => (
                <div key={column.key} className={column.today ? "calendar-head today" : "calendar-head"}>
                  <strong>{column.title}</strong>
                  {column.subtitle ? <span className="muted">{column.subtitle}</span> : null}
                  {column.note ? <span className="calendar-note">{column.note}</span> : null}
                </div>
              ))}
              <div className="calendar-axis" style={{ height }} aria-hidden>
                {calendar.hourLabels.map((hour) => (
                  <span key={hour.minute} style={{ top: y(hour.minute) }}>
                    {hour.label}
                  </span>
                ))}
              </div>
              {columns.map((column) => {
                const mine = calendar.appointments.filter((a) => a.columnKey === column.key);
                return (
                  <div key={column.key} className="calendar-column" style={{ height }}>
                    {column.hours.map((h) => (
                      <div
                        key={`${h.startMinute}-${h.endMinute}`}
                        className="calendar-open"
                        style={{ top: y(h.startMinute), height: y(h.endMinute) - y(h.startMinute) }}
                      />
                    ))}
                    <div className="calendar-lines" style={linesStyle} />
                    {mine.length === 0 && column.hours.length > 0 ? (
                      <span className="visually-hidden">No appointments</span>
                    ) : null}
                    {mine.map((a) => (
                      <button
                        key={a.id}
                        type="button"
                        className={`calendar-appointment ${statusClass[a.status]}`}
                        style={{
                          top: y(a.startMinute),
                          height: Math.max(y(a.endMinute) - y(a.startMinute), 22),
                          borderLeftColor: a.color,
                        }}
                        aria-pressed={a.id === selectedId}
                        onClick={() => setSelectedId(a.id === selectedId ? null : a.id)}
                      >
                        <span className="calendar-time">{a.timeLabel}</span>{" "}
                        <strong>{a.patient?.name ?? "Held"}</strong> <span>{a.appointmentType.name}</span>
                      </button>
                    ))}
                  </div>
                );
              })}
            </div>
          </section>
        )}
      </div>
      <aside className="schedule-side">
        {selected ? (
          <AppointmentPanel
            key={selected.id}
            appointment={selected}
            calendar={calendar}
            onClose={() => setSelectedId(null)}
            onDone={done}
          />
        ) : null}
        <BookingPanel
          key={`${calendar.bookingDay}:${calendar.providerParam ?? ""}`}
          calendar={calendar}
          setUpHint={setUpHint}
          onBooked={done}
        />
      </aside>
    </div>
  );
}
