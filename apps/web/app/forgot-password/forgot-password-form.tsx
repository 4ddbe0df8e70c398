"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Field, FormAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";

export function ForgotPasswordForm() {
  const request = useMutation({
    mutationFn: (email: string) => trpc.account.requestPasswordReset.mutate({ email }),
  });
  const errors = formErrors(request.error, ["email"]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate(String(new FormData(event.currentTarget).get("email") ?? ""));
  }

  if (request.isSuccess) {
    // The same answer whether or not the account exists, so this page can't be used to probe emails.
    return (
      <p className="notice" role="status">
        If an account exists for that email, we sent a link to reset your password. It works once, for one hour; check
        your spam folder if it hasn't arrived in a few minutes.
      </p>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.fields.email} />
      <FormAlert message={errors.message} />
      <button className="button" type="submit" disabled={request.isPending}>
        {request.isPending ? "Sending…" : "Email me a reset link"}
      </button>
    </form>
  );
}
