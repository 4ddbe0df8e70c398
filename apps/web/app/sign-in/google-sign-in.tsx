"use client";

import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";

/** Shown only when Google sign-in is configured; an account with the same verified email is reused. */
export function GoogleSignIn({ next }: { next: string }) {
  return (
    <div className="grid gap-4">
      <p className="flex items-center gap-3 text-muted-foreground text-xs before:h-px before:flex-1 before:bg-border after:h-px after:flex-1 after:bg-border">
        or
      </p>
      <Button variant="outline" onClick={() => void signIn("google", { callbackUrl: next })}>
        Continue with Google
      </Button>
    </div>
  );
}
