"use client";

import { patientInput } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { FormAlert, InputField, MutationForm, SubmitButton } from "@/components/forms";
import { Panel } from "@/components/panel";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";

export function PatientForm({ patient }: { patient: RouterOutputs["patients"]["get"] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(patientInput),
    defaultValues: {
      firstName: patient.firstName,
      lastName: patient.lastName,
      phone: patient.phone,
      email: patient.email,
      dateOfBirth: patient.dateOfBirth?.toISOString().slice(0, 10) ?? null,
    },
  });
  const save = useMutation(
    trpc.patients.update.mutationOptions({
      onSuccess: () => {
        toast.success("Saved.");
        return queryClient.invalidateQueries(trpc.patients.pathFilter());
      },
    }),
  );

  return (
    <Panel title="Details">
      <MutationForm
        form={form}
        onSubmit={(values) => save.mutateAsync({ patientId: patient.id, ...values })}
        // One patient per phone number: the clash is with another patient's record.
        byCode={{
          CONFLICT: "Another patient already has this phone number. Search for them on Patients, or check the number.",
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField control={form.control} name="firstName" label="First name" />
          <InputField control={form.control} name="lastName" label="Last name" />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <InputField
            control={form.control}
            name="phone"
            label="Phone"
            type="tel"
            hint="Texts about appointments go to this number."
          />
          <InputField control={form.control} name="email" label="Email" type="email" optional />
          <InputField control={form.control} name="dateOfBirth" label="Date of birth" type="date" optional />
        </div>
        <FormAlert />
        <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
      </MutationForm>
    </Panel>
  );
}
