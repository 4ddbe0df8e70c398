"use client";

import { appointmentTypeInput } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { CheckboxField, FormAlert, InputField, MutationForm, SubmitButton, TextareaField } from "@/components/forms";
import { Panel } from "@/components/panel";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

/** Adds a type (`typeId` null) or edits one. */
export function AppointmentTypeForm({ typeId }: { typeId: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: types } = useSuspenseQuery(trpc.appointmentTypes.list.queryOptions());
  const type = types.find((t) => t.id === typeId) ?? null;
  const form = useForm({
    resolver: zodResolver(appointmentTypeInput),
    defaultValues: {
      name: type?.name ?? "",
      description: type?.description ?? null,
      durationMinutes: type?.durationMinutes ?? 30,
      bufferBeforeMinutes: type?.bufferBeforeMinutes ?? 0,
      bufferAfterMinutes: type?.bufferAfterMinutes ?? 0,
      active: type?.active ?? true,
    },
  });
  const saved = {
    onSuccess: () => {
      // A new type's form starts blank for the next one; the notice says what to do next.
      if (type) toast.success("Saved.");
      else form.reset();
      return queryClient.invalidateQueries(trpc.appointmentTypes.pathFilter());
    },
  };
  const create = useMutation(trpc.appointmentTypes.create.mutationOptions(saved));
  const update = useMutation(trpc.appointmentTypes.update.mutationOptions(saved));

  return (
    <Panel title={type ? `Edit ${type.name}` : "Add an appointment type"}>
      {create.data ? (
        <Alert variant="success" className="mb-4">
          Added <strong>{create.data.name}</strong>. Next, tick it for the providers who offer it on the{" "}
          <Link href="/settings/providers">Providers</Link> page; until then it can't be booked.
        </Alert>
      ) : null}
      <MutationForm
        form={form}
        onSubmit={(values) =>
          type ? update.mutateAsync({ ...values, appointmentTypeId: type.id }) : create.mutateAsync(values)
        }
      >
        <InputField control={form.control} name="name" label="Name" placeholder="e.g. Check-up" />
        <TextareaField
          control={form.control}
          name="description"
          label="Description"
          rows={2}
          optional
          hint="Optional. The receptionist can use it to tell callers what the visit is."
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <InputField
            control={form.control}
            name="durationMinutes"
            label="Length (minutes)"
            type="number"
            min={5}
            max={480}
            step={5}
          />
          <InputField
            control={form.control}
            name="bufferBeforeMinutes"
            label="Buffer before (minutes)"
            type="number"
            min={0}
            max={120}
            hint="Kept free before it, e.g. to prepare the room."
          />
          <InputField
            control={form.control}
            name="bufferAfterMinutes"
            label="Buffer after (minutes)"
            type="number"
            min={0}
            max={120}
            hint="Kept free after it, e.g. to clean up."
          />
        </div>
        <CheckboxField
          control={form.control}
          name="active"
          label="Active"
          hint="Only active types can be booked. Existing appointments stay when you deactivate one."
        />
        <FormAlert />
        <div className="flex gap-2">
          <SubmitButton pendingLabel="Saving…">{type ? "Save changes" : "Add appointment type"}</SubmitButton>
          {type ? (
            <Button asChild variant="outline">
              <Link href="/settings/appointment-types">Done</Link>
            </Button>
          ) : null}
        </div>
      </MutationForm>
    </Panel>
  );
}
