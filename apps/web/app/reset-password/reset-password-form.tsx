"use client";

import { resetPasswordInput } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { FormAlert, MutationForm, PasswordField, SubmitButton } from "@/components/forms";
import { Alert } from "@/components/ui/alert";
import { errorCode } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

// The token is the link's, not the reader's: the server checks it, and a bad one is worded below.
const newPassword = resetPasswordInput.pick({ password: true });

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const form = useForm({ resolver: zodResolver(newPassword), defaultValues: { password: "" } });
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  // A refusal that isn't about the password means the link itself is bad (used, expired, cut short).
  const badLink = errorCode(reset.error) === "BAD_REQUEST" && !form.formState.errors.password;

  if (reset.isSuccess) {
    return (
      <Alert variant="success">
        Your password is changed. <Link href="/sign-in">Sign in</Link> with your new password.
      </Alert>
    );
  }

  return (
    <MutationForm form={form} onSubmit={(values) => reset.mutateAsync({ token, ...values })}>
      <PasswordField control={form.control} name="password" label="New password" isNew />
      <FormAlert>{badLink ? <Link href="/forgot-password">Request a new link</Link> : null}</FormAlert>
      <SubmitButton pendingLabel="Saving…" className="w-full">
        Set new password
      </SubmitButton>
    </MutationForm>
  );
}
