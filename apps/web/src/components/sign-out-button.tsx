"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { forgetClinic } from "@/trpc/clinic-cookie";

/** Ends the session and forgets the chosen clinic, then comes back to `callbackUrl`. */
export function SignOutButton({ callbackUrl, label }: { callbackUrl: string; label: string }) {
  return (
    <Button
      variant="outline"
      onClick={() => {
        forgetClinic();
        void signOut({ callbackUrl });
      }}
    >
      {label}
    </Button>
  );
}
