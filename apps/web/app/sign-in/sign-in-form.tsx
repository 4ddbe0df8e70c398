"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { FormAlert, InputField, MutationForm, PasswordField, SubmitButton } from "@/components/forms";
import { z } from "@/lib/schemas";

// Only "is anything there": whether it is right is the server's answer, worded below.
const credentials = z.object({
  email: z.string().trim().min(1, "enter your email"),
  password: z.string().min(1, "enter your password"),
});

/** `rateLimitedCode` is the error next-auth reports when core refuses for too many attempts. */
export function SignInForm({ next, rateLimitedCode }: { next: string; rateLimitedCode: string }) {
  const router = useRouter();
  const form = useForm({ resolver: zodResolver(credentials), defaultValues: { email: "", password: "" } });

  async function submit(values: z.output<typeof credentials>) {
    const result = await signIn("credentials", { ...values, redirect: false }).catch(() => null);
    const refused = !result
      ? "We couldn't reach Frontdesk. Check your connection and try again."
      : result.error === rateLimitedCode
        ? "Too many sign-in attempts. Wait a few minutes and try again, or reset your password."
        : result.error
          ? "That email and password don't match an account. Check both and try again."
          : null;
    if (refused) return form.setError("root.server", { message: refused });
    // A page outside the signed-in layout: the navigation renders all of it afresh, session included.
    router.push(next);
  }

  return (
    <MutationForm form={form} onSubmit={submit}>
      <InputField control={form.control} name="email" label="Email" type="email" autoComplete="email" />
      <div className="grid gap-1.5">
        <PasswordField control={form.control} name="password" label="Password" isNew={false} />
        <Link href="/forgot-password" className="text-xs">
          Forgot your password?
        </Link>
      </div>
      <FormAlert />
      <SubmitButton pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </MutationForm>
  );
}
