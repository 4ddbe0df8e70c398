import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth-card";
import { roleLabels } from "@/components/roles";
import { SignOutButton } from "@/components/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { getQueryClient, trpc } from "@/trpc/server";
import { AcceptInvitation } from "./accept-invitation";
import { InviteSignUpForm } from "./invite-sign-up-form";

export const metadata: Metadata = { title: "Join a clinic" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const queryClient = getQueryClient();
  // An over-long token fails input validation: to the reader it's just a bad link.
  const invitation = await queryClient.fetchQuery(trpc.account.invitation.queryOptions({ token })).catch(() => null);
  if (!invitation) {
    return (
      <AuthCard
        title="This invitation link doesn't work"
        description="Check that you opened the whole link from the email. If it still doesn't work, ask the clinic's owner or admin to invite you again."
      />
    );
  }
  if (!invitation.usable) {
    return (
      <AuthCard
        title="This invitation can't be used any more"
        description={
          <>
            Your invitation to {invitation.clinicName} has expired, was withdrawn or was already used. Ask the clinic's
            owner or admin to send a new one. If you already accepted it,{" "}
            <Link href="/dashboard">open your dashboard</Link>.
          </>
        }
      />
    );
  }

  const path = `/invite/${encodeURIComponent(token)}`;
  const user = await queryClient.fetchQuery(trpc.account.me.queryOptions()).catch(() => null);
  const intro = (
    <>
      You're invited to join <strong>{invitation.clinicName}</strong> on Frontdesk as{" "}
      <strong>{roleLabels[invitation.role]}</strong>.
    </>
  );

  if (user && user.email !== invitation.email) {
    return (
      <AuthCard title={`Join ${invitation.clinicName}`} description={intro}>
        <Alert variant="warning">
          You're signed in as {user.email}, but this invitation is for {invitation.email}. Sign out, then sign in or
          create an account with {invitation.email}.
        </Alert>
        <SignOutButton callbackUrl={path} label={`Sign out of ${user.email}`} />
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title={`Join ${invitation.clinicName}`}
      description={intro}
      footer={
        user ? null : (
          <>
            Already have an account? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(path)}`}>Sign in</Link>
          </>
        )
      }
    >
      {user ? <AcceptInvitation token={token} /> : <InviteSignUpForm token={token} email={invitation.email} />}
    </AuthCard>
  );
}
