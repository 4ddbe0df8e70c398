"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Field, FormAlert } from "@/components/field";
import { TimezoneSelect } from "@/components/timezone-select";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import type { RouterInputs } from "@/trpc/types";

const optionalText = [
  "phone",
  "email",
  "website",
  "addressLine1",
  "addressLine2",
  "city",
  "region",
  "postalCode",
  "country",
] as const;
const numbers = ["minNoticeMinutes", "bookingHorizonDays", "reminderLeadMinutes"] as const;

type Values = Record<"name" | "timezone" | (typeof optionalText)[number], string> &
  Record<(typeof numbers)[number], number>;
type Update = RouterInputs["clinic"]["update"];

/** Blank optional fields clear the value; a blank number is sent as NaN, which the server names. */
function toUpdate(form: FormData): Update {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const update: Update = { name: text("name"), timezone: text("timezone") };
  for (const name of optionalText) update[name] = text(name) || null;
  for (const name of numbers) update[name] = text(name) === "" ? Number.NaN : Number(text(name));
  return update;
}

export function ClinicProfileForm({ clinic }: { clinic: Values }) {
  const router = useRouter();
  const save = useMutation({
    mutationFn: (input: Update) => trpc.clinic.update.mutate(input),
    onSuccess: () => router.refresh(),
  });
  const errors = formErrors(save.error, ["name", "timezone", ...optionalText, ...numbers]);
  const e = errors.fields;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(toUpdate(new FormData(event.currentTarget)));
  }

  return (
    <form className="panel" onSubmit={onSubmit} onChange={() => save.isSuccess && save.reset()} noValidate>
      <h2>Profile</h2>
      <Field label="Clinic name" name="name" defaultValue={clinic.name} required error={e.name} />
      <TimezoneSelect defaultValue={clinic.timezone} error={e.timezone} />
      <div className="columns">
        <Field
          label="Phone"
          name="phone"
          type="tel"
          defaultValue={clinic.phone}
          hint="International format, e.g. +14155550123."
          error={e.phone}
        />
        <Field label="Email" name="email" type="email" defaultValue={clinic.email} error={e.email} />
      </div>
      <Field
        label="Website"
        name="website"
        type="url"
        defaultValue={clinic.website}
        placeholder="https://"
        error={e.website}
      />

      <h2>Address</h2>
      <Field label="Address line 1" name="addressLine1" defaultValue={clinic.addressLine1} error={e.addressLine1} />
      <Field label="Address line 2" name="addressLine2" defaultValue={clinic.addressLine2} error={e.addressLine2} />
      <div className="columns">
        <Field label="City" name="city" defaultValue={clinic.city} error={e.city} />
        <Field label="State or region" name="region" defaultValue={clinic.region} error={e.region} />
        <Field label="Postal code" name="postalCode" defaultValue={clinic.postalCode} error={e.postalCode} />
        <Field
          label="Country"
          name="country"
          defaultValue={clinic.country}
          maxLength={2}
          hint="Two letters, e.g. US."
          error={e.country}
        />
      </div>

      <h2>Booking rules</h2>
      <div className="columns">
        <Field
          label="Minimum notice (minutes)"
          name="minNoticeMinutes"
          type="number"
          min={0}
          defaultValue={clinic.minNoticeMinutes}
          hint="How soon a new booking may start."
          error={e.minNoticeMinutes}
        />
        <Field
          label="Booking horizon (days)"
          name="bookingHorizonDays"
          type="number"
          min={1}
          defaultValue={clinic.bookingHorizonDays}
          hint="How far ahead patients may book."
          error={e.bookingHorizonDays}
        />
        <Field
          label="Reminder lead (minutes)"
          name="reminderLeadMinutes"
          type="number"
          min={15}
          defaultValue={clinic.reminderLeadMinutes}
          hint="When reminders go out before an appointment."
          error={e.reminderLeadMinutes}
        />
      </div>
      <FormAlert message={errors.message} />
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
