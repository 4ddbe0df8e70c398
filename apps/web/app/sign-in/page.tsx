import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth-card";
import { googleSignInEnabled, RATE_LIMITED } from "@/server/auth";
import { safeNextPath } from "@/server/safe-redirect";
import { GoogleSignIn } from "./google-sign-in";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const next = safeNextPath(callbackUrl);
  return (
    <AuthCard
      title="Sign in to Frontdesk"
      description="Your clinic's AI receptionist, calls and bookings."
      footer={
        <>
          New to Frontdesk? <Link href="/sign-up">Create an account</Link>
        </>
      }
    >
      <SignInForm next={next} rateLimitedCode={RATE_LIMITED} />
      {googleSignInEnabled() ? <GoogleSignIn next={next} /> : null}
    </AuthCard>
  );
}
