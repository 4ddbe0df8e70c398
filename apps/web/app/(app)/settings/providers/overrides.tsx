"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { clockToMinute } from "@/components/clinic-time";
import { ConfirmButton } from "@/components/confirm-button";
import { Field, FormAlert, InlineAlert, SelectField } from "@/components/field";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import type { RouterInputs } from "@/trpc/types";

type Input = RouterInputs["providers"]["addOverride"];

const FIELDS = ["date", "providerId", "kind", "startMinute", "endMinute", "reason"] as const;

export function AddOverrideForm({ today, providers }: { today: string; providers: { id: string; name: string }[] }) {
  const router = useRouter();
  const [kind, setKind] = useState<Input["kind"]>("closed");
  const add = useMutation({
    mutationFn: (input: Input) => trpc.providers.addOverride.mutate(input),
    onSuccess: () => router.refresh(),
  });
  const errors = formErrors(add.error, FIELDS);
  const e = errors.fields;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const open = kind === "open";
    add.mutate(
      {
        date: text("date"),
        providerId: text("providerId") || null,
        kind,
        // An empty time goes as null, which the server explains next to the input.
        startMinute: open ? clockToMinute(text("startTime")) : null,
        endMinute: open ? clockToMinute(text("endTime")) : null,
        reason: text("reason") || null,
      },
      {
        onSuccess: () => {
          formElement.reset();
          setKind("closed");
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} onChange={() => add.isSuccess && add.reset()} noValidate>
      <div className="columns">
        <Field label="Date" name="date" id="override-date" type="date" min={today} required error={e.date} />
        <SelectField label="Who" name="providerId" id="override-provider" error={e.providerId}>
          <option value="">Whole clinic</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <Field
          label="Reason"
          name="reason"
          id="override-reason"
          placeholder="e.g. Public holiday"
          maxLength={200}
          error={e.reason}
        />
      </div>
      <fieldset className="radio-group">
        <legend>That day</legend>
        <label>
          <input
            type="radio"
            name="kind"
            value="closed"
            checked={kind === "closed"}
            onChange={() => setKind("closed")}
          />
          Closed all day
        </label>
        <label>
          <input type="radio" name="kind" value="open" checked={kind === "open"} onChange={() => setKind("open")} />
          Open, with these hours instead of the usual ones
        </label>
      </fieldset>
      {kind === "open" ? (
        <div className="columns">
          <Field
            label="Opens"
            name="startTime"
            id="override-start"
            type="time"
            defaultValue="09:00"
            error={e.startMinute}
          />
          <Field label="Closes" name="endTime" id="override-end" type="time" defaultValue="13:00" error={e.endMinute} />
        </div>
      ) : null}
      <FormAlert message={errors.message} />
      {add.isSuccess ? (
        <p className="notice" role="status">
          Added. Open times on that day now follow it.
        </p>
      ) : null}
      <button className="button inline" type="submit" disabled={add.isPending}>
        {add.isPending ? "Adding…" : "Add date"}
      </button>
    </form>
  );
}

export function RemoveOverride({ overrideId, description }: { overrideId: string; description: string }) {
  const router = useRouter();
  const remove = useMutation({
    mutationFn: () => trpc.providers.removeOverride.mutate({ overrideId }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ConfirmButton
        label="Remove"
        question={`Remove “${description}”? The usual weekly hours apply again.`}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
      <InlineAlert message={formErrors(remove.error).message} />
    </>
  );
}
