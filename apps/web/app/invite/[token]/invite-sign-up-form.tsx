"use client";

import { signUpWithInvitationInput } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { Field } from "@/components/field";
import { FormAlert, InputField, MutationForm, PasswordField, SubmitButton } from "@/components/forms";
import { Alert } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { signInWithNewPassword } from "@/lib/sign-in";
import { useOpenClinic } from "@/trpc/clinic-cookie";
import { useTRPCClient } from "@/trpc/react";

// The token comes with the link; the server checks it and words a bad one.
const newAccount = signUpWithInvitationInput.pick({ name: true, password: true });

/** A new account for the invited address; joining happens in the same request. */
export function InviteSignUpForm({ token, email }: { token: string; email: string }) {
  const openClinic = useOpenClinic();
  const client = useTRPCClient();
  const form = useForm({ resolver: zodResolver(newAccount), defaultValues: { name: "", password: "" } });
  const join = useMutation({
    mutationFn: async (values: { name: string; password: string }) => {
      const { clinicId } = await client.account.signUpWithInvitation.mutate({ token, ...values });
      return { clinicId, signedIn: await signInWithNewPassword(email, values.password) };
    },
    onSuccess: ({ clinicId, signedIn }) => signedIn && openClinic(clinicId, "/dashboard"),
  });

  if (join.data && !join.data.signedIn) {
    return (
      <Alert variant="info">
        Your account is ready and you've joined the clinic, but we couldn't sign you in automatically.{" "}
        <Link href="/sign-in">Sign in</Link> as {email}.
      </Alert>
    );
  }

  return (
    <MutationForm form={form} onSubmit={(values) => join.mutateAsync(values)}>
      <Field id="invited-email" label="Email" hint="The address you were invited at.">
        <Input type="email" value={email} readOnly />
      </Field>
      <InputField control={form.control} name="name" label="Your name" autoComplete="name" />
      <PasswordField control={form.control} name="password" label="Password" isNew />
      <FormAlert />
      <SubmitButton pendingLabel="Creating your account…" className="w-full" disabled={join.isSuccess}>
        Create account and join
      </SubmitButton>
    </MutationForm>
  );
}
