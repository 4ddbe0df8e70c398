"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { CopyField } from "@/components/copy-button";
import { Field, FormAlert, SelectField } from "@/components/field";
import { isRole, RoleOptions } from "@/components/roles";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import type { Role, RouterInputs } from "@/trpc/types";

export function CreateApiKeyForm({ roles }: { roles: readonly Role[] }) {
  const router = useRouter();
  const create = useMutation({
    mutationFn: (input: RouterInputs["apiKeys"]["create"]) => trpc.apiKeys.create.mutate(input),
    onSuccess: () => router.refresh(),
  });
  const errors = formErrors(create.error, ["name", "role"]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const role = String(form.get("role"));
    create.mutate(
      { name: String(form.get("name") ?? ""), role: isRole(role) ? role : "staff" },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <>
      {create.data ? (
        <div className="notice warning" role="status">
          <p>
            <strong>Copy the key for “{create.data.apiKey.name}” now: it won't be shown again.</strong> We only keep a
            fingerprint of it; if it's lost, revoke it and create a new one.
          </p>
          <CopyField label="New API key" value={create.data.key} />
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <div className="columns">
          <Field
            label="Name"
            name="name"
            autoComplete="off"
            placeholder="e.g. EHR sync"
            required
            hint="Name it after what will use it."
            error={errors.fields.name}
          />
          <SelectField
            label="Role"
            name="role"
            defaultValue={roles.includes("staff") ? "staff" : roles[0]}
            hint="The key can do what a member with this role can."
            error={errors.fields.role}
          >
            <RoleOptions roles={roles} />
          </SelectField>
        </div>
        <FormAlert message={errors.message} />
        <button className="button inline" type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </button>
      </form>
    </>
  );
}
