import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { roleLabel } from "@/components/roles";
import { SignOutButton } from "@/components/sign-out-button";
import { caller } from "@/trpc/server";
import { AcceptInvitation } from "./accept-invitation";
import { InviteSignUpForm } from "./invite-sign-up-form";

export const metadata: Metadata = { title: "Join a clinic" };
export const dynamic = "force-dynamic";

function InviteCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="center">
      <div className="card">
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const api = await caller();
  // An over-long token fails input validation: to the reader it's just a bad link.
  const invitation = await api.account.invitation({ token }).catch(() => null);
  if (!invitation) {
    return (
      <InviteCard title="This invitation link doesn't work">
        <p className="muted">
          Check that you opened the whole link from the email. If it still doesn't work, ask the clinic's owner or admin
          to invite you again.
        </p>
      </InviteCard>
    );
  }
  if (!invitation.usable) {
    return (
      <InviteCard title="This invitation can't be used any more">
        <p className="muted">
          Your invitation to {invitation.clinicName} has expired, was withdrawn or was already used. Ask the clinic's
          owner or admin to send a new one. If you already accepted it,{" "}
          <Link href="/dashboard">open your dashboard</Link>.
        </p>
      </InviteCard>
    );
  }

  const path = `/invite/${encodeURIComponent(token)}`;
  const user = await api.account.me().catch(() => null);
  const intro = (
    <p className="muted">
      You're invited to join <strong>{invitation.clinicName}</strong> on Frontdesk as{" "}
      <strong>{roleLabel(invitation.role)}</strong>.
    </p>
  );

  if (user && user.email !== invitation.email) {
    return (
      <InviteCard title={`Join ${invitation.clinicName}`}>
        {intro}
        <p className="alert">
          You're signed in as {user.email}, but this invitation is for {invitation.email}. Sign out, then sign in or
          create an account with {invitation.email}.
        </p>
        <SignOutButton callbackUrl={path} label={`Sign out of ${user.email}`} />
      </InviteCard>
    );
  }

  return (
    <InviteCard title={`Join ${invitation.clinicName}`}>
      {intro}
      {user ? (
        <AcceptInvitation token={token} />
      ) : (
        <>
          <InviteSignUpForm token={token} email={invitation.email} />
          <p className="card-footer muted">
            Already have an account? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(path)}`}>Sign in</Link>
          </p>
        </>
      )}
    </InviteCard>
  );
}
