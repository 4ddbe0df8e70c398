import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/sign-out-button";
import { caller } from "@/trpc/server";
import { ConfirmEmail, ResendVerification } from "./confirm-email";

export const metadata: Metadata = { title: "Confirm your email address" };
export const dynamic = "force-dynamic";

// The emailed link only works signed in to the account it was sent for: the person who chose
// the password and the person who reads the inbox must be the same.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const here = token ? `/verify-email?token=${encodeURIComponent(token)}` : "/verify-email";
  const user = await (await caller()).account.me().catch(() => null);
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(here)}`);
  if (user.emailVerified && !token) redirect("/dashboard");
  return (
    <main className="center">
      <div className="card">
        <h1>Confirm your email address</h1>
        {token ? (
          <>
            <p className="muted">Confirm that {user.email} is yours to finish setting up your account.</p>
            <ConfirmEmail token={token} />
          </>
        ) : (
          <>
            <p className="muted">
              We emailed a link to <strong>{user.email}</strong>. Open it in this browser to confirm your address; your
              clinic is created then. Until you do, your account can't create or join a clinic.
            </p>
            <ResendVerification />
          </>
        )}
        <p className="card-footer muted">
          Not {user.email}? <SignOutButton />
        </p>
      </div>
    </main>
  );
}
