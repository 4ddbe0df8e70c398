"use client";

import { signIn } from "next-auth/react";

/** Shown only when Google sign-in is configured; an account with the same verified email is reused. */
export function GoogleSignIn({ next }: { next: string }) {
  return (
    <button
      className="button button-secondary"
      type="button"
      onClick={() => void signIn("google", { callbackUrl: next })}
    >
      Continue with Google
    </button>
  );
}
