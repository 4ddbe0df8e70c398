"use client";

import { providerInput } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import {
  CheckboxField,
  CheckboxGroupField,
  FormAlert,
  InputField,
  MutationForm,
  SubmitButton,
} from "@/components/forms";
import { Panel } from "@/components/panel";
import { Button } from "@/components/ui/button";
import { DEFAULT_COLOR } from "@/schedule/calendar";
import { useTRPC } from "@/trpc/react";

/** Adds a provider (`providerId` null) and opens them to set hours next, or edits one. */
export function ProviderForm({ providerId }: { providerId: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: providers } = useSuspenseQuery(trpc.providers.list.queryOptions());
  const { data: types } = useSuspenseQuery(trpc.appointmentTypes.list.queryOptions());
  const provider = providers.find((p) => p.id === providerId) ?? null;
  const form = useForm({
    resolver: zodResolver(providerInput),
    defaultValues: {
      name: provider?.name ?? "",
      title: provider?.title ?? null,
      color: provider?.color ?? DEFAULT_COLOR,
      active: provider?.active ?? true,
      appointmentTypeIds: provider?.appointmentTypes.map((t) => t.appointmentTypeId) ?? [],
    },
  });
  const saved = {
    onSuccess: async (saved: { id: string }) => {
      // Once the list has them, so a new provider's form opens filled in.
      await queryClient.invalidateQueries(trpc.providers.pathFilter());
      // A new provider can't be booked until they have hours: go straight to them.
      if (!provider) router.push(`/settings/providers?provider=${saved.id}#hours`);
      else toast.success("Saved.");
    },
  };
  const create = useMutation(trpc.providers.create.mutationOptions(saved));
  const update = useMutation(trpc.providers.update.mutationOptions(saved));

  return (
    <Panel title={provider ? `Edit ${provider.name}` : "Add a provider"}>
      <MutationForm
        form={form}
        onSubmit={(values) =>
          provider ? update.mutateAsync({ ...values, providerId: provider.id }) : create.mutateAsync(values)
        }
      >
        <div className="grid gap-4 sm:grid-cols-[1fr_1fr_auto]">
          <InputField control={form.control} name="name" label="Name" placeholder="e.g. Dr. Maya Patel" />
          <InputField control={form.control} name="title" label="Title" placeholder="e.g. DDS, Hygienist" optional />
          <InputField
            control={form.control}
            name="color"
            label="Colour"
            type="color"
            hint="Marks their appointments on the schedule."
          />
        </div>
        <CheckboxGroupField
          control={form.control}
          name="appointmentTypeIds"
          label="Appointment types they offer"
          options={types.map((type) => [
            type.id,
            <>
              {type.name}
              {type.active ? null : <span className="text-muted-foreground"> (inactive)</span>}
            </>,
          ])}
          empty={
            <p className="text-muted-foreground text-sm">
              No appointment types yet. Add them on <Link href="/settings/appointment-types">Appointment types</Link>{" "}
              first, then tick the ones this provider offers.
            </p>
          }
        />
        <CheckboxField
          control={form.control}
          name="active"
          label="Active"
          hint="Inactive providers can't be booked; their existing appointments stay on the schedule."
        />
        <FormAlert />
        <div className="flex gap-2">
          <SubmitButton pendingLabel="Saving…" disabled={create.isSuccess}>
            {provider ? "Save changes" : "Add provider"}
          </SubmitButton>
          {provider ? (
            <Button asChild variant="outline">
              <Link href="/settings/providers">Done</Link>
            </Button>
          ) : null}
        </div>
      </MutationForm>
    </Panel>
  );
}
