import type { Metadata } from "next";
import Link from "next/link";
import { googleSignInEnabled, RATE_LIMITED } from "@/server/auth";
import { safeNextPath } from "@/server/safe-redirect";
import { GoogleSignIn } from "./google-sign-in";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const next = safeNextPath(callbackUrl);
  return (
    <main className="center">
      <div className="card">
        <h1>Sign in to Frontdesk</h1>
        <p className="muted">Your clinic's AI receptionist, calls and bookings.</p>
        <SignInForm next={next} rateLimitedCode={RATE_LIMITED} />
        {googleSignInEnabled() ? <GoogleSignIn next={next} /> : null}
        <p className="card-footer muted">
          New to Frontdesk? <Link href="/sign-up">Create an account</Link>
        </p>
      </div>
    </main>
  );
}
