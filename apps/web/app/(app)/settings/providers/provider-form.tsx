"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { CheckboxField, Field, FormAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import type { RouterInputs } from "@/trpc/types";

type Values = {
  id: string;
  name: string;
  title: string;
  color: string;
  active: boolean;
  appointmentTypeIds: string[];
};
type TypeOption = { id: string; name: string; active: boolean };
type Input = RouterInputs["providers"]["create"];

const FIELDS = ["name", "title", "color", "appointmentTypeIds"] as const;

/** Creates a provider (`provider` null) and opens it to set hours next, or edits one. */
export function ProviderForm({ provider, types }: { provider: Values | null; types: TypeOption[] }) {
  const router = useRouter();
  const save = useMutation({
    mutationFn: (input: Input) =>
      provider
        ? trpc.providers.update.mutate({ ...input, providerId: provider.id })
        : trpc.providers.create.mutate(input),
    onSuccess: (saved) => {
      // A new provider can't be booked until they have hours: go straight to them.
      if (!provider) router.push(`/settings/providers?provider=${saved.id}#hours`);
      router.refresh();
    },
  });
  const errors = formErrors(save.error, FIELDS);
  const e = errors.fields;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    save.mutate({
      name: text("name"),
      title: text("title") || null,
      color: text("color") || null,
      active: form.get("active") === "on",
      appointmentTypeIds: form.getAll("appointmentTypeIds").map(String),
    });
  }

  const prefix = provider ? `provider-${provider.id}` : "new-provider";
  return (
    <form onSubmit={onSubmit} onChange={() => save.isSuccess && save.reset()} noValidate>
      <div className="columns">
        <Field
          label="Name"
          name="name"
          id={`${prefix}-name`}
          defaultValue={provider?.name}
          placeholder="e.g. Dr. Maya Patel"
          required
          error={e.name}
        />
        <Field
          label="Title"
          name="title"
          id={`${prefix}-title`}
          defaultValue={provider?.title}
          placeholder="e.g. DDS, Hygienist"
          error={e.title}
        />
        <Field
          label="Colour"
          name="color"
          id={`${prefix}-color`}
          type="color"
          defaultValue={provider?.color ?? "#2563eb"}
          hint="Marks their appointments on the schedule."
          error={e.color}
        />
      </div>
      <fieldset className="checkbox-group">
        <legend>Appointment types they offer</legend>
        {types.length === 0 ? (
          <p className="muted">
            No appointment types yet. Add them on <Link href="/settings/appointment-types">Appointment types</Link>{" "}
            first, then tick the ones this provider offers.
          </p>
        ) : (
          types.map((type) => (
            <label key={type.id}>
              <input
                type="checkbox"
                name="appointmentTypeIds"
                value={type.id}
                defaultChecked={provider?.appointmentTypeIds.includes(type.id)}
              />
              {type.name}
              {type.active ? null : <span className="muted"> (inactive)</span>}
            </label>
          ))
        )}
        {e.appointmentTypeIds ? <span className="field-error">{e.appointmentTypeIds}</span> : null}
      </fieldset>
      <CheckboxField
        label="Active"
        name="active"
        id={`${prefix}-active`}
        defaultChecked={provider?.active ?? true}
        hint="Inactive providers can't be booked; their existing appointments stay on the schedule."
      />
      <FormAlert message={errors.message} />
      {save.isSuccess && provider ? (
        <p className="notice" role="status">
          Saved.
        </p>
      ) : null}
      <button className="button inline" type="submit" disabled={save.isPending || (!provider && save.isSuccess)}>
        {save.isPending ? "Saving…" : provider ? "Save changes" : "Add provider"}
      </button>
      {provider ? (
        <>
          {" "}
          <Link className="button inline secondary" href="/settings/providers">
            Done
          </Link>
        </>
      ) : null}
    </form>
  );
}
