"use client";

import { useQuery } from "@tanstack/react-query";
import { formatDay, formatTime, isDay, localDay } from "@/components/clinic-time";
import { InlineAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";

export type Slot = { providerId: string; providerName: string; startsAt: Date; endsAt: Date };

export const sameSlot = (a: Slot | null, b: Slot) =>
  a !== null && a.providerId === b.providerId && a.startsAt.getTime() === b.startsAt.getTime();

/** The key under which open times are cached; bookings and moves invalidate all of them. */
export const availabilityKey = ["availability"] as const;

/** One day's open times for a type (one provider, or everyone who offers it), as buttons. */
export function SlotPicker({
  clinicId,
  timeZone,
  appointmentTypeId,
  providerId,
  day,
  selected,
  onSelect,
  movingAppointmentId,
}: {
  clinicId: string;
  timeZone: string;
  appointmentTypeId: string;
  providerId: string | null;
  day: string;
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
  /** When moving an appointment, its own current time counts as free. */
  movingAppointmentId?: string;
}) {
  const validDay = isDay(day);
  const open = useQuery({
    // The clinic is part of the key: the cache is per tab, and the tab can switch clinics.
    queryKey: [...availabilityKey, clinicId, appointmentTypeId, providerId ?? "any", day, movingAppointmentId ?? "new"],
    queryFn: () =>
      trpc.appointments.availability.query({
        appointmentTypeId,
        providerId: providerId ?? undefined,
        from: day,
        to: day,
        limit: 500,
        movingAppointmentId,
      }),
    enabled: validDay && appointmentTypeId !== "",
  });

  if (!validDay) return <p className="muted">Pick a day to see its open times.</p>;
  if (open.isPending) return <p className="muted">Finding open times…</p>;
  if (open.isError) return <InlineAlert message={formErrors(open.error).message} />;

  const groups = new Map<string, Slot[]>();
  for (const slot of open.data.slots) {
    groups.set(slot.providerName, [...(groups.get(slot.providerName) ?? []), slot]);
  }
  if (groups.size === 0) {
    return (
      <p className="muted">
        Nothing open on {formatDay(day)}. Try another day{providerId ? ", or any provider" : ""}.
      </p>
    );
  }
  return (
    <div className="slot-groups">
      {[...groups].map(([name, slots]) => (
        <div key={name}>
          {groups.size > 1 || !providerId ? <h4>{name}</h4> : null}
          <ul className="slots" aria-label={`Open times with ${name}`}>
            {slots.map((slot) => {
              const chosen = sameSlot(selected, slot);
              return (
                <li key={`${slot.providerId}-${slot.startsAt.toISOString()}`}>
                  <button
                    type="button"
                    className={chosen ? "slot chosen" : "slot"}
                    aria-pressed={chosen}
                    onClick={() => onSelect(slot)}
                  >
                    {formatTime(slot.startsAt, timeZone)}
                  </button>
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
    <div className="alert" role="alert">
      {alternatives.length === 0 ? (
        "Someone else just took that time, and nothing else is open nearby. Pick another day."
      ) : (
        <>
          Someone else just took that time. These are the nearest open ones:
          <ul className="slots alternatives">
            {alternatives.map((alt) => (
              <li key={`${alt.providerId}-${alt.startsAt.toISOString()}`}>
                <button type="button" className="slot" disabled={pending} onClick={() => onChoose(alt)}>
                  {formatDay(localDay(alt.startsAt, timeZone), "weekday")}, {formatTime(alt.startsAt, timeZone)} with{" "}
                  {alt.providerName}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
