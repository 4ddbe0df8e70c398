"use client";

import { createClinicInput } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FormAlert, InputField, MutationForm, SubmitButton } from "@/components/forms";
import { TimezoneField } from "@/components/timezone-field";
import { useOpenClinic } from "@/trpc/clinic-cookie";
import { useTRPC } from "@/trpc/react";

export function NewClinicForm() {
  const openClinic = useOpenClinic();
  const trpc = useTRPC();
  const form = useForm({ resolver: zodResolver(createClinicInput), defaultValues: { name: "", timezone: "" } });
  const create = useMutation(
    trpc.account.createClinic.mutationOptions({ onSuccess: ({ id }) => openClinic(id, "/dashboard") }),
  );
  return (
    <MutationForm form={form} onSubmit={(values) => create.mutateAsync(values)}>
      <InputField control={form.control} name="name" label="Clinic name" autoComplete="organization" />
      <TimezoneField control={form.control} name="timezone" />
      <FormAlert />
      <SubmitButton pendingLabel="Creating…" disabled={create.isSuccess}>
        Create clinic
      </SubmitButton>
    </MutationForm>
  );
}
