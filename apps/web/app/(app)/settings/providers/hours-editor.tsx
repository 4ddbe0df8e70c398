"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { clockToMinute, minuteToClock, WEEK_ORDER, WEEKDAYS } from "@/components/clinic-time";
import { FormAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import type { RouterInputs } from "@/trpc/types";

type Shift = { start: string; end: string };
type Week = Record<number, Shift[]>;
type Hours = RouterInputs["providers"]["setHours"]["hours"];

const MONDAY = 1;
const WEEKDAYS_AFTER_MONDAY = [2, 3, 4, 5];

function toWeek(hours: { weekday: number; startMinute: number; endMinute: number }[]): Week {
  const week: Week = {};
  for (const h of hours) {
    week[h.weekday] = [
      ...(week[h.weekday] ?? []),
      { start: minuteToClock(h.startMinute), end: minuteToClock(h.endMinute) },
    ];
  }
  return week;
}

/** The next shift on a day: 9 to 5 on an empty day, else an hour after the last one ends. */
function nextShift(shifts: Shift[]): Shift {
  const lastEnd = clockToMinute(shifts.at(-1)?.end ?? "");
  if (lastEnd === null) return { start: "09:00", end: "17:00" };
  const start = Math.min(lastEnd + 60, 23 * 60);
  return { start: minuteToClock(start), end: minuteToClock(Math.min(start + 120, 1439)) };
}

/** Checks what the server can't word per day; returns the hours to save, or a message. */
function toHours(week: Week): { hours: Hours } | { problem: string } {
  const hours: Hours = [];
  for (const weekday of WEEK_ORDER) {
    for (const shift of week[weekday] ?? []) {
      const startMinute = clockToMinute(shift.start);
      const endMinute = clockToMinute(shift.end);
      const day = WEEKDAYS[weekday];
      if (startMinute === null || endMinute === null) {
        return { problem: `Fill in both times for every shift on ${day}, or remove the shift.` };
      }
      if (endMinute <= startMinute) return { problem: `A shift on ${day} ends before it starts; fix its times.` };
      hours.push({ weekday, startMinute, endMinute });
    }
  }
  return { hours };
}

export function HoursEditor({
  providerId,
  name,
  hours,
}: {
  providerId: string;
  name: string;
  hours: { weekday: number; startMinute: number; endMinute: number }[];
}) {
  const router = useRouter();
  const [week, setWeek] = useState<Week>(() => toWeek(hours));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (next: Hours) => trpc.providers.setHours.mutate({ providerId, hours: next }),
    onSuccess: () => router.refresh(),
  });

  function change(weekday: number, shifts: Shift[]) {
    setWeek((current) => ({ ...current, [weekday]: shifts }));
    setProblem(null);
    if (save.isSuccess || save.isError) save.reset();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = toHours(week);
    if ("problem" in checked) {
      setProblem(checked.problem);
      return;
    }
    save.mutate(checked.hours);
  }

  const monday = week[MONDAY] ?? [];
  const empty = WEEK_ORDER.every((weekday) => (week[weekday] ?? []).length === 0);
  return (
    <form onSubmit={onSubmit} noValidate>
      {hours.length === 0 ? (
        <p className="notice warning">
          {name} has no working hours yet, so nobody can book them. Add their shifts below and save.
        </p>
      ) : null}
      <div className="hours">
        {WEEK_ORDER.map((weekday) => {
          const day = WEEKDAYS[weekday];
          const shifts = week[weekday] ?? [];
          return (
            <fieldset key={weekday} className="hours-day">
              <legend>{day}</legend>
              <div className="hours-shifts">
                {shifts.length === 0 ? <span className="muted">Off</span> : null}
                {shifts.map((shift, index) => {
                  const label = `${day} shift ${index + 1}`;
                  const update = (patch: Partial<Shift>) =>
                    change(
                      weekday,
                      shifts.map((s, i) => (i === index ? { ...s, ...patch } : s)),
                    );
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: shifts have no identity beyond their place in the day
                    <span key={index} className="hours-shift">
                      <input
                        type="time"
                        aria-label={`${label} starts`}
                        value={shift.start}
                        step={300}
                        onChange={(event) => update({ start: event.target.value })}
                      />
                      <span aria-hidden>to</span>
                      <input
                        type="time"
                        aria-label={`${label} ends`}
                        value={shift.end}
                        step={300}
                        onChange={(event) => update({ end: event.target.value })}
                      />
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Remove ${label}`}
                        onClick={() =>
                          change(
                            weekday,
                            shifts.filter((_, i) => i !== index),
                          )
                        }
                      >
                        Remove
                      </button>
                    </span>
                  );
                })}
              </div>
              <button
                type="button"
                className="button inline secondary"
                aria-label={`Add a shift on ${day}`}
                onClick={() => change(weekday, [...shifts, nextShift(shifts)])}
              >
                Add shift
              </button>
            </fieldset>
          );
        })}
      </div>
      <FormAlert message={problem ?? formErrors(save.error).message} />
      {save.isSuccess ? (
        <p className="notice" role="status">
          {empty
            ? `Saved. ${name} has no hours now, so nobody can book them.`
            : `Saved. Patients can book ${name} in these hours from now on.`}
        </p>
      ) : null}
      <button className="button inline" type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save hours"}
      </button>{" "}
      <button
        type="button"
        className="button inline secondary"
        disabled={monday.length === 0}
        onClick={() => {
          for (const weekday of WEEKDAYS_AFTER_MONDAY)
            change(
              weekday,
              monday.map((s) => ({ ...s })),
            );
        }}
      >
        Copy Monday to Tuesday–Friday
      </button>
    </form>
  );
}
