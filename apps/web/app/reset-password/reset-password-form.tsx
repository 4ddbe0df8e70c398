"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import type { FormEvent } from "react";
import { Field, FormAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";

export function ResetPasswordForm({ token }: { token: string }) {
  const reset = useMutation({
    mutationFn: (password: string) => trpc.account.resetPassword.mutate({ token, password }),
  });
  const errors = formErrors(reset.error, ["password"]);
  // Anything but the password being refused means the link itself is bad (used, expired, cut short).
  const badLink = errors.code === "BAD_REQUEST" && !errors.fields.password;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset.mutate(String(new FormData(event.currentTarget).get("password") ?? ""));
  }

  if (reset.isSuccess) {
    return (
      <p className="notice" role="status">
        Your password is changed. <Link href="/sign-in">Sign in</Link> with your new password.
      </p>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={errors.fields.password}
      />
      <FormAlert message={errors.message}>
        {badLink ? <Link href="/forgot-password">Request a new link</Link> : null}
      </FormAlert>
      <button className="button" type="submit" disabled={reset.isPending}>
        {reset.isPending ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
