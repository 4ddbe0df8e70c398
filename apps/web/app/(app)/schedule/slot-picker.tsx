"use client";

import type { Slot } from "@frontdesk/core/schemas";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDay, formatTime, isDay, localDay } from "@/lib/clinic-time";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

const sameSlot = (a: Slot | null, b: Slot) =>
  a !== null && a.providerId === b.providerId && a.startsAt.getTime() === b.startsAt.getTime();

const slotKey = (slot: Slot) => `${slot.providerId}-${slot.startsAt.toISOString()}`;

/** One day's open times for a type (one provider, or everyone who offers it), as buttons. */
export function SlotPicker({
  timeZone,
  appointmentTypeId,
  providerId,
  day,
  selected,
  onSelect,
  movingAppointmentId,
}: {
  timeZone: string;
  appointmentTypeId: string;
  providerId: string | null;
  day: string;
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
  /** When moving an appointment, its own current time counts as free. */
  movingAppointmentId?: string;
}) {
  const trpc = useTRPC();
  const validDay = isDay(day);
  const open = useQuery(
    trpc.appointments.availability.queryOptions(
      {
        appointmentTypeId,
        providerId: providerId ?? undefined,
        from: day,
        to: day,
        limit: 500,
        movingAppointmentId,
      },
      { enabled: validDay && appointmentTypeId !== "" },
    ),
  );

  if (!validDay) return <p className="text-muted-foreground text-sm">Pick a day to see its open times.</p>;
  if (open.isPending) {
    return (
      <div className="grid grid-cols-4 gap-1.5" role="status" aria-label="Finding open times…">
        {Array.from({ length: 8 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={i} className="h-8" />
        ))}
      </div>
    );
  }
  if (open.isError) return <Alert variant="destructive">{errorMessage(open.error)}</Alert>;

  const groups = new Map<string, Slot[]>();
  for (const slot of open.data.slots) {
    groups.set(slot.providerName, [...(groups.get(slot.providerName) ?? []), slot]);
  }
  if (groups.size === 0) {
    return (
      <p className="text-muted-foreground text-sm">
        Nothing open on {formatDay(day)}. Try another day{providerId ? ", or any provider" : ""}.
      </p>
    );
  }
  return (
    <div className="grid gap-3">
      {[...groups].map(([name, slots]) => (
        <div key={name} className="grid gap-1.5">
          {groups.size > 1 || !providerId ? <h4 className="font-medium text-sm">{name}</h4> : null}
          <ul className="grid grid-cols-4 gap-1.5" aria-label={`Open times with ${name}`}>
            {slots.map((slot) => {
              const chosen = sameSlot(selected, slot);
              return (
                <li key={slotKey(slot)}>
                  <Button
                    variant={chosen ? "default" : "outline"}
                    size="sm"
                    className="w-full px-1 tabular-nums"
                    aria-pressed={chosen}
                    onClick={() => onSelect(slot)}
                  >
                    {formatTime(slot.startsAt, timeZone)}
                  </Button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** The nearest open times offered after a lost race; choosing one books or moves there instead. */
export function Alternatives({
  alternatives,
  timeZone,
  pending,
  onChoose,
}: {
  alternatives: Slot[];
  timeZone: string;
  pending: boolean;
  onChoose: (slot: Slot) => void;
}) {
  return (
    <Alert variant="destructive">
      {alternatives.length === 0 ? (
        "Someone else just took that time, and nothing else is open nearby. Pick another day."
      ) : (
        <>
          Someone else just took that time. These are the nearest open ones:
          <ul className="mt-2 flex flex-wrap gap-1.5">
            {alternatives.map((alt) => (
              <li key={slotKey(alt)}>
                <Button variant="outline" size="sm" disabled={pending} onClick={() => onChoose(alt)}>
                  {formatDay(localDay(alt.startsAt, timeZone), "weekday")}, {formatTime(alt.startsAt, timeZone)} with{" "}
                  {alt.providerName}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
