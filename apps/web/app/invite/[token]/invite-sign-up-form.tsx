"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import type { FormEvent } from "react";
import { Field, FormAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { chooseClinic } from "@/trpc/clinic-cookie";
import { formErrors } from "@/trpc/errors";

/** A new account for the invited address; joining happens in the same request. */
export function InviteSignUpForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const join = useMutation({
    mutationFn: async ({ name, password }: { name: string; password: string }) => {
      const { clinicId } = await trpc.account.signUpWithInvitation.mutate({ token, name, password });
      const session = await signIn("credentials", { email, password, redirect: false });
      return { clinicId, signedIn: Boolean(session?.ok && !session.error) };
    },
    onSuccess: ({ clinicId, signedIn }) => {
      if (!signedIn) return;
      chooseClinic(clinicId);
      router.push("/dashboard");
      router.refresh();
    },
  });
  const errors = formErrors(join.error, ["name", "password"]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    join.mutate({ name: String(form.get("name") ?? ""), password: String(form.get("password") ?? "") });
  }

  if (join.data && !join.data.signedIn) {
    return (
      <p className="notice">
        Your account is ready and you've joined the clinic, but we couldn't sign you in automatically.{" "}
        <Link href="/sign-in">Sign in</Link> as {email}.
      </p>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Field label="Email" name="email" type="email" value={email} readOnly hint="The address you were invited at." />
      <Field label="Your name" name="name" autoComplete="name" required error={errors.fields.name} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={errors.fields.password}
      />
      <FormAlert message={errors.message} />
      <button className="button" type="submit" disabled={join.isPending || join.isSuccess}>
        {join.isPending ? "Creating your account…" : "Create account and join"}
      </button>
    </form>
  );
}
