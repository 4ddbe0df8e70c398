"use client";

import { signUpInput } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormAlert, InputField, MutationForm, PasswordField, SubmitButton } from "@/components/forms";
import { TimezoneField } from "@/components/timezone-field";
import { Alert } from "@/components/ui/alert";
import { signInWithNewPassword } from "@/lib/sign-in";
import { useTRPCClient } from "@/trpc/react";
import type { RouterInputs } from "@/trpc/types";

type SignUp = RouterInputs["account"]["signUp"];

export function SignUpForm() {
  const router = useRouter();
  const client = useTRPCClient();
  const form = useForm({
    resolver: zodResolver(signUpInput),
    defaultValues: { name: "", email: "", password: "", clinicName: "", timezone: "" },
  });
  const signUp = useMutation({
    mutationFn: async (input: SignUp) => {
      await client.account.signUp.mutate(input);
      return { signedIn: await signInWithNewPassword(input.email, input.password) };
    },
    onSuccess: ({ signedIn }) => {
      // Not signed in: the account exists, and the message below sends them to sign in.
      if (signedIn) router.push("/verify-email");
    },
  });

  if (signUp.data && !signUp.data.signedIn) {
    return (
      <Alert variant="info">
        Your account is ready, but we couldn't sign you in automatically. <Link href="/sign-in">Sign in</Link> with the
        email and password you just chose, then confirm your address with the link we emailed you.
      </Alert>
    );
  }

  return (
    <MutationForm form={form} onSubmit={(values) => signUp.mutateAsync(values)}>
      <InputField control={form.control} name="name" label="Your name" autoComplete="name" />
      <InputField control={form.control} name="email" label="Work email" type="email" autoComplete="email" />
      <PasswordField control={form.control} name="password" label="Password" isNew />
      <InputField control={form.control} name="clinicName" label="Clinic name" autoComplete="organization" />
      <TimezoneField control={form.control} name="timezone" />
      <FormAlert />
      <SubmitButton pendingLabel="Creating your clinic…" className="w-full" disabled={signUp.isSuccess}>
        Create account
      </SubmitButton>
    </MutationForm>
  );
}
