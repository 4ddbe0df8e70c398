"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { CheckboxField, Field, FormAlert, TextAreaField } from "@/components/field";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import type { RouterInputs } from "@/trpc/types";

type Values = {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  active: boolean;
};
type Input = RouterInputs["appointmentTypes"]["create"];

const FIELDS = ["name", "description", "durationMinutes", "bufferBeforeMinutes", "bufferAfterMinutes"] as const;

/** A blank number is sent as NaN, which the server names next to the input. */
function toInput(form: FormData): Input {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const number = (name: string) => (text(name) === "" ? Number.NaN : Number(text(name)));
  return {
    name: text("name"),
    description: text("description") || null,
    durationMinutes: number("durationMinutes"),
    bufferBeforeMinutes: text("bufferBeforeMinutes") === "" ? 0 : number("bufferBeforeMinutes"),
    bufferAfterMinutes: text("bufferAfterMinutes") === "" ? 0 : number("bufferAfterMinutes"),
    active: form.get("active") === "on",
  };
}

/** Creates a type (`type` null) or edits one. */
export function AppointmentTypeForm({ type }: { type: Values | null }) {
  const router = useRouter();
  const save = useMutation({
    mutationFn: (input: Input) =>
      type
        ? trpc.appointmentTypes.update.mutate({ ...input, appointmentTypeId: type.id })
        : trpc.appointmentTypes.create.mutate(input),
    onSuccess: () => router.refresh(),
  });
  const errors = formErrors(save.error, FIELDS);
  const e = errors.fields;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    save.mutate(toInput(new FormData(formElement)), {
      onSuccess: () => {
        if (!type) formElement.reset();
      },
    });
  }

  return (
    <form onSubmit={onSubmit} onChange={() => save.isSuccess && save.reset()} noValidate>
      {save.data && !type ? (
        <div className="notice" role="status">
          <p>
            Added <strong>{save.data.name}</strong>. Next, tick it for the providers who offer it on the{" "}
            <Link href="/settings/providers">Providers</Link> page; until then it can't be booked.
          </p>
        </div>
      ) : null}
      <Field label="Name" name="name" defaultValue={type?.name} placeholder="e.g. Check-up" required error={e.name} />
      <TextAreaField
        label="Description"
        name="description"
        defaultValue={type?.description}
        rows={2}
        hint="Optional. The receptionist can use it to tell callers what the visit is."
        error={e.description}
      />
      <div className="columns">
        <Field
          label="Length (minutes)"
          name="durationMinutes"
          type="number"
          min={5}
          max={480}
          step={5}
          defaultValue={type?.durationMinutes ?? 30}
          error={e.durationMinutes}
        />
        <Field
          label="Buffer before (minutes)"
          name="bufferBeforeMinutes"
          type="number"
          min={0}
          max={120}
          defaultValue={type?.bufferBeforeMinutes ?? 0}
          hint="Kept free before it, e.g. to prepare the room."
          error={e.bufferBeforeMinutes}
        />
        <Field
          label="Buffer after (minutes)"
          name="bufferAfterMinutes"
          type="number"
          min={0}
          max={120}
          defaultValue={type?.bufferAfterMinutes ?? 0}
          hint="Kept free after it, e.g. to clean up."
          error={e.bufferAfterMinutes}
        />
      </div>
      <CheckboxField
        label="Active"
        name="active"
        defaultChecked={type?.active ?? true}
        hint="Only active types can be booked. Existing appointments stay when you deactivate one."
      />
      <FormAlert message={errors.message} />
      {save.isSuccess && type ? (
        <p className="notice" role="status">
          Saved.
        </p>
      ) : null}
      <button className="button inline" type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : type ? "Save changes" : "Add appointment type"}
      </button>
      {type ? (
        <>
          {" "}
          <Link className="button inline secondary" href="/settings/appointment-types">
            Done
          </Link>
        </>
      ) : null}
    </form>
  );
}
