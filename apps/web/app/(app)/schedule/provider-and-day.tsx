"use client";

import type { Slot } from "@frontdesk/core/schemas";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Field } from "@/components/field";
import { slotTakenAlternatives } from "@/components/slot-taken";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useTRPC } from "@/trpc/react";

/**
 * Choosing a time to book or move to: the provider (among those `offering` the type), the day,
 * the open time, and the nearest open ones offered when someone else took it first.
 */
export function useSlotChoice({
  offering,
  provider,
  day: initialDay,
}: {
  offering: { id: string }[];
  provider: string;
  day: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [providerChoice, setProviderChoice] = useState(provider);
  const [day, setDay] = useState(initialDay);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [alternatives, setAlternatives] = useState<Slot[] | null>(null);
  return {
    // A provider who doesn't offer the chosen type falls back to "any provider".
    providerId: offering.some((p) => p.id === providerChoice) ? providerChoice : "",
    day,
    slot,
    alternatives,
    chooseProvider(providerId: string) {
      setProviderChoice(providerId);
      setSlot(null);
    },
    chooseDay(next: string) {
      setDay(next);
      setSlot(null);
    },
    pick(next: Slot | null) {
      setSlot(next);
      setAlternatives(null);
    },
    /** After a failed booking or move: whether the time was taken (then the nearest open ones are offered). */
    lostRace(error: unknown) {
      const offered = slotTakenAlternatives(error);
      if (!offered) return false;
      setAlternatives(offered);
      setSlot(null);
      void queryClient.invalidateQueries(trpc.appointments.availability.pathFilter());
      return true;
    },
  };
}

type SlotChoice = ReturnType<typeof useSlotChoice>;

/** The provider and day pickers for a slot choice. */
export function ProviderAndDay({
  id,
  labels,
  choice,
  offering,
  today,
  className,
}: {
  /** Prefix for the two controls' ids. */
  id: string;
  labels: { provider: string; day: string };
  choice: SlotChoice;
  offering: { id: string; name: string }[];
  today: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <Field id={`${id}-provider`} label={labels.provider}>
        <Select value={choice.providerId} onChange={(event) => choice.chooseProvider(event.target.value)}>
          <option value="">Any provider</option>
          {offering.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${id}-day`} label={labels.day}>
        <Input type="date" min={today} value={choice.day} onChange={(event) => choice.chooseDay(event.target.value)} />
      </Field>
    </div>
  );
}
