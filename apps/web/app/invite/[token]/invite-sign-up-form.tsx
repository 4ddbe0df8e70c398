"use client";

import { signUpWithInvitationInput } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { FormAlert, InputField, MutationForm, SubmitButton } from "@/components/forms";
import { Alert } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useOpenClinic } from "@/trpc/clinic-cookie";
import { useTRPCClient } from "@/trpc/react";

// The token comes with the link; the server checks it and words a bad one.
const newAccount = signUpWithInvitationInput.pick({ name: true, password: true });

/** A new account for the invited address; joining happens in the same request. */
export function InviteSignUpForm({ token, email }: { token: string; email: string }) {
  const client = useTRPCClient();
  const openClinic = useOpenClinic();
  const form = useForm({ resolver: zodResolver(newAccount), defaultValues: { name: "", password: "" } });
  const join = useMutation({
    mutationFn: async (values: { name: string; password: string }) => {
      const { orgId } = await client.account.signUpWithInvitation.mutate({ token, ...values });
      const session = await signIn("credentials", { email, password: values.password, redirect: false });
      return { orgId, signedIn: Boolean(session?.ok && !session.error) };
    },
    onSuccess: ({ orgId, signedIn }) => signedIn && openClinic(orgId, "/dashboard"),
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
      <div className="grid gap-1.5">
        <Label htmlFor="invited-email">Email</Label>
        <Input id="invited-email" type="email" value={email} readOnly aria-describedby="invited-email-hint" />
        <p id="invited-email-hint" className="text-muted-foreground text-xs">
          The address you were invited at.
        </p>
      </div>
      <InputField control={form.control} name="name" label="Your name" autoComplete="name" />
      <InputField
        control={form.control}
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
      />
      <FormAlert />
      <SubmitButton pendingLabel="Creating your account…" className="w-full" disabled={join.isSuccess}>
        Create account and join
      </SubmitButton>
    </MutationForm>
  );
}
