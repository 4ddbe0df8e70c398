"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { FormAlert } from "@/components/field";

/** `rateLimitedCode` is the error next-auth reports when core refuses for too many attempts. */
export function SignInForm({ next, rateLimitedCode }: { next: string; rateLimitedCode: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    setPending(false);
    if (!result) {
      setError("We couldn't reach Frontdesk. Check your connection and try again.");
    } else if (result.error === rateLimitedCode) {
      setError("Too many sign-in attempts. Wait 15 minutes and try again, or reset your password.");
    } else if (result.error) {
      setError("That email and password don't match an account. Check both and try again.");
    } else {
      router.push(next);
      router.refresh();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <p className="field-link">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <FormAlert message={error} />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
