"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Plus, X } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Panel } from "@/components/panel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { clockToMinute, minuteToClock, WEEK_ORDER, WEEKDAYS } from "@/lib/clinic-time";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
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

function ShiftTime({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <Input
      type="time"
      className="h-8 w-28"
      aria-label={label}
      value={value}
      step={300}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** A provider's week: shifts per day, edited together and saved at once. */
export function HoursEditor({ providerId }: { providerId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: providers } = useSuspenseQuery(trpc.providers.list.queryOptions());
  const provider = providers.find((p) => p.id === providerId);
  const [week, setWeek] = useState<Week>(() => toWeek(provider?.workingHours ?? []));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation(
    trpc.providers.setHours.mutationOptions({
      onSuccess: (saved) => {
        toast.success(
          saved.workingHours.length === 0
            ? `Saved. ${saved.name} has no hours now, so nobody can book them.`
            : `Saved. Patients can book ${saved.name} in these hours from now on.`,
        );
        return queryClient.invalidateQueries(trpc.providers.pathFilter());
      },
    }),
  );
  if (!provider) return null;

  function change(weekday: number, shifts: Shift[]) {
    setWeek((current) => ({ ...current, [weekday]: shifts }));
    setProblem(null);
    save.reset();
  }

  const monday = week[MONDAY] ?? [];
  return (
    <Panel anchor="hours" title={`Weekly hours for ${provider.name}`}>
      <form
        noValidate
        className="grid gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          const checked = toHours(week);
          if ("problem" in checked) setProblem(checked.problem);
          else save.mutate({ providerId, hours: checked.hours });
        }}
      >
        {provider.workingHours.length === 0 ? (
          <Alert variant="warning">
            {provider.name} has no working hours yet, so nobody can book them. Add their shifts below and save.
          </Alert>
        ) : null}
        <div className="grid divide-y rounded-md border">
          {WEEK_ORDER.map((weekday) => {
            const day = WEEKDAYS[weekday];
            const shifts = week[weekday] ?? [];
            return (
              <fieldset key={weekday} className="flex flex-wrap items-center gap-3 px-3 py-2">
                <legend className="float-left w-28 font-medium text-sm">{day}</legend>
                <div className="flex flex-1 flex-wrap items-center gap-3">
                  {shifts.length === 0 ? <span className="text-muted-foreground text-sm">Off</span> : null}
                  {shifts.map((shift, index) => {
                    const label = `${day} shift ${index + 1}`;
                    const update = (patch: Partial<Shift>) =>
                      change(
                        weekday,
                        shifts.map((s, i) => (i === index ? { ...s, ...patch } : s)),
                      );
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: shifts have no identity beyond their place in the day
                      <span key={index} className="flex items-center gap-1.5 text-sm">
                        <ShiftTime
                          label={`${label} starts`}
                          value={shift.start}
                          onChange={(start) => update({ start })}
                        />
                        <span aria-hidden>to</span>
                        <ShiftTime label={`${label} ends`} value={shift.end} onChange={(end) => update({ end })} />
                        <Button
                          variant="ghost"
                          size="icon"
                          className="size-8"
                          aria-label={`Remove ${label}`}
                          onClick={() =>
                            change(
                              weekday,
                              shifts.filter((_, i) => i !== index),
                            )
                          }
                        >
                          <X aria-hidden />
                        </Button>
                      </span>
                    );
                  })}
                </div>
                <Button
                  variant="outline"
                  size="sm"
                  aria-label={`Add a shift on ${day}`}
                  onClick={() => change(weekday, [...shifts, nextShift(shifts)])}
                >
                  <Plus aria-hidden />
                  Add shift
                </Button>
              </fieldset>
            );
          })}
        </div>
        {problem || save.isError ? <Alert variant="destructive">{problem ?? errorMessage(save.error)}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" pending={save.isPending}>
            {save.isPending ? "Saving…" : "Save hours"}
          </Button>
          <Button
            variant="outline"
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
          </Button>
        </div>
      </form>
    </Panel>
  );
}
