"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Field, FormAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import type { RouterInputs } from "@/trpc/types";

type Update = RouterInputs["patients"]["update"];
type Values = { id: string; firstName: string; lastName: string; phone: string; email: string; dateOfBirth: string };

const FIELDS = ["firstName", "lastName", "phone", "email", "dateOfBirth"] as const;

export function PatientForm({ patient }: { patient: Values }) {
  const router = useRouter();
  const save = useMutation({
    mutationFn: (input: Update) => trpc.patients.update.mutate(input),
    onSuccess: () => router.refresh(),
  });
  const errors = formErrors(save.error, FIELDS);
  // One patient per phone number: the clash is with another patient's record.
  const message =
    errors.code === "CONFLICT"
      ? "Another patient already has this phone number. Search for them on Patients, or check the number."
      : errors.message;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    save.mutate({
      patientId: patient.id,
      firstName: text("firstName"),
      lastName: text("lastName"),
      phone: text("phone"),
      email: text("email") || null,
      dateOfBirth: text("dateOfBirth") || null,
    });
  }

  return (
    <form className="panel" onSubmit={onSubmit} onChange={() => save.isSuccess && save.reset()} noValidate>
      <h2>Details</h2>
      <div className="columns">
        <Field label="First name" name="firstName" defaultValue={patient.firstName} error={errors.fields.firstName} />
        <Field label="Last name" name="lastName" defaultValue={patient.lastName} error={errors.fields.lastName} />
      </div>
      <div className="columns">
        <Field
          label="Phone"
          name="phone"
          type="tel"
          defaultValue={patient.phone}
          hint="Texts about appointments go to this number."
          error={errors.fields.phone}
        />
        <Field label="Email" name="email" type="email" defaultValue={patient.email} error={errors.fields.email} />
        <Field
          label="Date of birth"
          name="dateOfBirth"
          type="date"
          defaultValue={patient.dateOfBirth}
          error={errors.fields.dateOfBirth}
        />
      </div>
      <FormAlert message={message} />
      {save.isSuccess ? (
        <p className="notice" role="status">
          Saved.
        </p>
      ) : null}
      <button className="button inline" type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save changes"}
      </button>
    </form>
  );
}
