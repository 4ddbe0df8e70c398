"use client";

import { requestPasswordResetInput } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FormAlert, InputField, MutationForm, SubmitButton } from "@/components/forms";
import { Alert } from "@/components/ui/alert";
import { useTRPC } from "@/trpc/react";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const form = useForm({ resolver: zodResolver(requestPasswordResetInput), defaultValues: { email: "" } });
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());

  if (request.isSuccess) {
    // The same answer whether or not the account exists, so this page can't be used to probe emails.
    return (
      <Alert variant="success">
        If an account exists for that email, we sent a link to reset your password. It works once, for one hour; check
        your spam folder if it hasn't arrived in a few minutes.
      </Alert>
    );
  }

  return (
    <MutationForm form={form} onSubmit={(values) => request.mutateAsync(values)}>
      <InputField control={form.control} name="email" label="Email" type="email" autoComplete="email" />
      <FormAlert />
      <SubmitButton pendingLabel="Sending…" className="w-full">
        Email me a reset link
      </SubmitButton>
    </MutationForm>
  );
}
