"use client";

import { AuthCard } from "@/components/auth-card";
import { Button } from "@/components/ui/button";

// Unexpected failures only: expected ones (no clinic, no permission, bad link) have their own states.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <AuthCard
      title="Something went wrong"
      description={
        <>
          Try again. If it keeps happening, contact support
          {error.digest ? (
            <>
              {" "}
              and mention the code <code>{error.digest}</code>
            </>
          ) : null}
          .
        </>
      }
    >
      <Button onClick={reset}>Try again</Button>
    </AuthCard>
  );
}
