"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Field, FormAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import type { RouterInputs } from "@/trpc/types";

export function TwilioCredentialsForm() {
  const router = useRouter();
  const save = useMutation({
    mutationFn: (input: RouterInputs["credentials"]["setTwilio"]) => trpc.credentials.setTwilio.mutate(input),
    onSuccess: () => router.refresh(),
  });
  const errors = formErrors(save.error, ["accountSid", "authToken", "label"]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    save.mutate(
      {
        accountSid: String(form.get("accountSid") ?? ""),
        authToken: String(form.get("authToken") ?? ""),
        label: String(form.get("label") || "Twilio"),
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {save.isSuccess ? (
        <p className="notice" role="status">
          Saved. Texts from your own numbers now go out on this account.
        </p>
      ) : null}
      <div className="columns">
        <Field
          label="Account SID"
          name="accountSid"
          autoComplete="off"
          placeholder="AC…"
          required
          error={errors.fields.accountSid}
        />
        <Field
          label="Auth Token"
          name="authToken"
          type="password"
          autoComplete="off"
          required
          error={errors.fields.authToken}
        />
        <Field label="Label" name="label" defaultValue="Twilio" autoComplete="off" error={errors.fields.label} />
      </div>
      <FormAlert message={errors.message} />
      <button className="button inline" type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save account"}
      </button>
    </form>
  );
}
