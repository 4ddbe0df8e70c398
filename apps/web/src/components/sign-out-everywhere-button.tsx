"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { trpc } from "@/trpc/client";
import { forgetClinic } from "@/trpc/clinic-cookie";

/** Ends every session of the account (other browsers and devices too), then this one. */
export function SignOutEverywhereButton() {
  const everywhere = useMutation({
    mutationFn: () => trpc.account.signOutEverywhere.mutate(),
    onSuccess: () => {
      forgetClinic();
      void signOut({ callbackUrl: "/sign-in" });
    },
  });
  return (
    <button
      type="button"
      className="link-button"
      disabled={everywhere.isPending || everywhere.isSuccess}
      title={everywhere.isError ? "That didn't work; try again" : "Ends your sessions on every browser and device"}
      onClick={() => everywhere.mutate()}
    >
      {everywhere.isError ? "Sign out everywhere (try again)" : "Sign out everywhere"}
    </button>
  );
}
