"use client";

import { updateClinicInput } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { FormAlert, InputField, MutationForm, SubmitButton } from "@/components/forms";
import { Panel } from "@/components/panel";
import { TimezoneField } from "@/components/timezone-field";
import { useClinic } from "@/shell/use-clinic";
import { useTRPC } from "@/trpc/react";

export function ClinicProfileForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const clinic = useClinic();
  const form = useForm({ resolver: zodResolver(updateClinicInput.required()), defaultValues: clinic });
  const save = useMutation(
    trpc.clinic.update.mutationOptions({
      onSuccess: () => {
        toast.success("Saved.");
        // The switcher shows the name too.
        return Promise.all([
          queryClient.invalidateQueries(trpc.clinic.pathFilter()),
          queryClient.invalidateQueries(trpc.account.clinics.queryFilter()),
        ]);
      },
    }),
  );
  const field = { control: form.control };

  return (
    <Panel title="Profile">
      <MutationForm form={form} onSubmit={(values) => save.mutateAsync(values)} className="gap-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField {...field} name="name" label="Clinic name" />
          <TimezoneField {...field} name="timezone" />
          <InputField
            {...field}
            name="phone"
            label="Phone"
            type="tel"
            optional
            hint="International format, e.g. +14155550123."
          />
          <InputField {...field} name="email" label="Email" type="email" optional />
          <InputField {...field} name="website" label="Website" type="url" optional placeholder="https://" />
        </div>

        <fieldset className="grid gap-4">
          <legend className="mb-3 font-semibold text-base">Address</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField {...field} name="addressLine1" label="Address line 1" optional />
            <InputField {...field} name="addressLine2" label="Address line 2" optional />
          </div>
          <div className="grid gap-4 sm:grid-cols-4">
            <InputField {...field} name="city" label="City" optional />
            <InputField {...field} name="region" label="State or region" optional />
            <InputField {...field} name="postalCode" label="Postal code" optional />
            <InputField {...field} name="country" label="Country" optional maxLength={2} hint="Two letters, e.g. US." />
          </div>
        </fieldset>

        <fieldset className="grid gap-4">
          <legend className="mb-3 font-semibold text-base">Booking rules</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            <InputField
              {...field}
              name="minNoticeMinutes"
              label="Minimum notice (minutes)"
              type="number"
              min={0}
              hint="How soon a new booking may start."
            />
            <InputField
              {...field}
              name="bookingHorizonDays"
              label="Booking horizon (days)"
              type="number"
              min={1}
              hint="How far ahead patients may book."
            />
            <InputField
              {...field}
              name="reminderLeadMinutes"
              label="Reminder lead (minutes)"
              type="number"
              min={15}
              hint="When reminders go out before an appointment."
            />
          </div>
        </fieldset>
        <FormAlert />
        <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
      </MutationForm>
    </Panel>
  );
}
