"use client";

import { overrideInput } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { CalendarX } from "lucide-react";
import { type Control, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FormAlert, InputField, MutationForm, RadioGroupField, SelectField, SubmitButton } from "@/components/forms";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { clockToMinute, formatDay, formatMinuteRange, minuteToClock, overrideDay } from "@/lib/clinic-time";
import { useTRPC } from "@/trpc/react";
import type { RouterInputs, RouterOutputs } from "@/trpc/types";

type Values = z.input<typeof overrideInput>;
type Override = RouterOutputs["providers"]["overrides"][number];

function useInvalidateOverrides() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Overrides change open times too.
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.providers.overrides.queryFilter()),
      queryClient.invalidateQueries(trpc.appointments.availability.pathFilter()),
    ]);
}

/** The coming closures and special hours, clinic-wide or per provider. */
export function Overrides({ range, edit }: { range: RouterInputs["providers"]["overrides"]; edit: boolean }) {
  const trpc = useTRPC();
  const { data: overrides } = useSuspenseQuery(trpc.providers.overrides.queryOptions(range));
  const { data: providers } = useSuspenseQuery(trpc.providers.list.queryOptions());
  const invalidate = useInvalidateOverrides();
  const remove = useMutation(trpc.providers.removeOverride.mutationOptions({ onSuccess: invalidate }));
  const providerName = new Map(providers.map((p) => [p.id, p.name]));
  if (overrides.length === 0) return <EmptyState icon={CalendarX}>Nothing planned for the coming year.</EmptyState>;
  const who = (o: Override) =>
    o.providerId ? (providerName.get(o.providerId) ?? "A removed provider") : "Whole clinic";
  const hours = (o: Override) =>
    o.kind === "closed" || o.startMinute === null || o.endMinute === null
      ? "Closed"
      : `Open ${formatMinuteRange({ startMinute: o.startMinute, endMinute: o.endMinute })}`;
  const day = (o: Override) => formatDay(overrideDay(o.date));
  return (
    <DataTable
      rows={overrides}
      rowKey={(o) => o.id}
      columns={[
        { header: "Date", cell: day },
        { header: "Who", cell: who },
        { header: "Hours", cell: hours },
        { header: "Reason", cell: (o) => o.reason ?? "—" },
      ]}
      confirm={
        edit
          ? (o) => ({
              label: "Remove",
              question: `Remove “${hours(o)} on ${day(o)} (${who(o)})”?`,
              description: "The usual weekly hours apply again.",
              onConfirm: () => remove.mutateAsync({ overrideId: o.id }),
            })
          : undefined
      }
    />
  );
}

/** A time of day for a field that holds minutes after midnight (null while blank). */
function MinuteField({
  control,
  name,
  label,
}: {
  control: Control<Values>;
  name: "startMinute" | "endMinute";
  label: string;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input
              type="time"
              ref={field.ref}
              name={field.name}
              onBlur={field.onBlur}
              value={typeof field.value === "number" ? minuteToClock(field.value) : ""}
              onChange={(event) => field.onChange(clockToMinute(event.target.value))}
            />
          </FormControl>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

export function AddOverrideForm({ today }: { today: string }) {
  const trpc = useTRPC();
  const { data: providers } = useSuspenseQuery(trpc.providers.list.queryOptions());
  const invalidate = useInvalidateOverrides();
  const form = useForm({
    resolver: zodResolver(overrideInput),
    defaultValues: { date: "", providerId: null, kind: "closed", startMinute: 540, endMinute: 780, reason: null },
  });
  const kind = useWatch({ control: form.control, name: "kind" });
  const add = useMutation(
    trpc.providers.addOverride.mutationOptions({
      onSuccess: () => {
        form.reset();
        toast.success("Added. Open times on that day now follow it.");
        return invalidate();
      },
    }),
  );
  return (
    <section aria-labelledby="add-override" className="grid gap-3 border-t pt-5">
      <h3 id="add-override" className="font-semibold text-base">
        Add a date
      </h3>
      <MutationForm
        form={form}
        // A closed day has no hours, whatever the hidden inputs last held.
        onSubmit={(values) =>
          add.mutateAsync(values.kind === "open" ? values : { ...values, startMinute: null, endMinute: null })
        }
      >
        <div className="grid gap-4 sm:grid-cols-3">
          <InputField control={form.control} name="date" label="Date" type="date" min={today} />
          <SelectField
            control={form.control}
            name="providerId"
            label="Who"
            options={[["", "Whole clinic"], ...providers.map((p) => [p.id, p.name] as const)]}
          />
          <InputField
            control={form.control}
            name="reason"
            label="Reason"
            placeholder="e.g. Public holiday"
            maxLength={200}
            optional
          />
        </div>
        <RadioGroupField
          control={form.control}
          name="kind"
          label="That day"
          options={[
            ["closed", "Closed all day"],
            ["open", "Open, with these hours instead of the usual ones"],
          ]}
        />
        {kind === "open" ? (
          <div className="grid max-w-md gap-4 sm:grid-cols-2">
            <MinuteField control={form.control} name="startMinute" label="Opens" />
            <MinuteField control={form.control} name="endMinute" label="Closes" />
          </div>
        ) : null}
        <FormAlert />
        <SubmitButton pendingLabel="Adding…">Add date</SubmitButton>
      </MutationForm>
    </section>
  );
}
