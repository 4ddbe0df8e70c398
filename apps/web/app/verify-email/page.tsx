import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { SignOutButton } from "@/components/sign-out-button";
import { getQueryClient, trpc } from "@/trpc/server";
import { ConfirmEmail, ResendVerification } from "./confirm-email";

export const metadata: Metadata = { title: "Confirm your email address" };

// The emailed link only works signed in to the account it was sent for: the person who chose
// the password and the person who reads the inbox must be the same.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const here = token ? `/verify-email?token=${encodeURIComponent(token)}` : "/verify-email";
  const user = await getQueryClient()
    .fetchQuery(trpc.account.me.queryOptions())
    .catch(() => null);
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(here)}`);
  if (user.emailVerified && !token) redirect("/dashboard");
  return (
    <AuthCard
      title="Confirm your email address"
      description={
        token ? (
          `Confirm that ${user.email} is yours to finish setting up your account.`
        ) : (
          <>
            We emailed a link to <strong>{user.email}</strong>. Open it in this browser to confirm your address; your
            clinic is created then. Until you do, your account can't create or join a clinic.
          </>
        )
      }
      footer={
        <span className="flex items-center justify-center gap-2">
          Not {user.email}? <SignOutButton callbackUrl="/sign-in" label="Sign out" />
        </span>
      }
    >
      {token ? <ConfirmEmail token={token} /> : <ResendVerification />}
    </AuthCard>
  );
}
