"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Field, FormAlert } from "@/components/field";
import { TimezoneSelect } from "@/components/timezone-select";
import { trpc } from "@/trpc/client";
import { chooseClinic } from "@/trpc/clinic-cookie";
import { formErrors } from "@/trpc/errors";
import type { RouterInputs } from "@/trpc/types";

export function NewClinicForm() {
  const router = useRouter();
  const create = useMutation({
    mutationFn: (input: RouterInputs["account"]["createClinic"]) => trpc.account.createClinic.mutate(input),
    onSuccess: ({ id }) => {
      chooseClinic(id);
      router.push("/dashboard");
      router.refresh();
    },
  });
  const errors = formErrors(create.error, ["name", "timezone"]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ name: String(form.get("name") ?? ""), timezone: String(form.get("timezone") ?? "") });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Field label="Clinic name" name="name" autoComplete="organization" required error={errors.fields.name} />
      <TimezoneSelect error={errors.fields.timezone} />
      <FormAlert message={errors.message} />
      <button className="button" type="submit" disabled={create.isPending || create.isSuccess}>
        {create.isPending ? "Creating…" : "Create clinic"}
      </button>
    </form>
  );
}
