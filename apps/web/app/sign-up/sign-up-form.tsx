"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import type { FormEvent } from "react";
import { Field, FormAlert } from "@/components/field";
import { TimezoneSelect } from "@/components/timezone-select";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import type { RouterInputs } from "@/trpc/types";

export function SignUpForm() {
  const router = useRouter();
  const signUp = useMutation({
    mutationFn: async (input: RouterInputs["account"]["signUp"]) => {
      await trpc.account.signUp.mutate(input);
      const session = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      return { signedIn: Boolean(session?.ok && !session.error) };
    },
    onSuccess: ({ signedIn }) => {
      if (!signedIn) return; // the account exists; the message below sends them to sign in
      // The clinic is created once the emailed link confirms the address.
      router.push("/verify-email");
      router.refresh();
    },
  });
  const errors = formErrors(signUp.error, ["name", "email", "password", "clinicName", "timezone"]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signUp.mutate({
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      clinicName: String(form.get("clinicName") ?? ""),
      timezone: String(form.get("timezone") ?? ""),
    });
  }

  if (signUp.data && !signUp.data.signedIn) {
    return (
      <p className="notice">
        Your account is ready, but we couldn't sign you in automatically. <Link href="/sign-in">Sign in</Link> with the
        email and password you just chose, then confirm your address with the link we emailed you.
      </p>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Field label="Your name" name="name" autoComplete="name" required error={errors.fields.name} />
      <Field label="Work email" name="email" type="email" autoComplete="email" required error={errors.fields.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={errors.fields.password}
      />
      <Field
        label="Clinic name"
        name="clinicName"
        autoComplete="organization"
        required
        error={errors.fields.clinicName}
      />
      <TimezoneSelect error={errors.fields.timezone} />
      <FormAlert message={errors.message} />
      <button className="button" type="submit" disabled={signUp.isPending || signUp.isSuccess}>
        {signUp.isPending ? "Creating your clinic…" : "Create account"}
      </button>
    </form>
  );
}
