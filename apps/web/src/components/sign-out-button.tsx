"use client";

import { signOut } from "next-auth/react";
import { forgetClinic } from "@/trpc/clinic-cookie";

/** Ends the session and forgets the chosen clinic, so the next person starts at their own. */
export function SignOutButton({
  callbackUrl = "/sign-in",
  label = "Sign out",
}: {
  callbackUrl?: string;
  label?: string;
}) {
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        forgetClinic();
        void signOut({ callbackUrl });
      }}
    >
      {label}
    </button>
  );
}
