"use client";

import { TriangleAlert } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";

export type ErrorProps = { error: Error & { digest?: string }; reset: () => void };

/**
 * A section that failed to load, inside the signed-in layout (the navigation still works).
 * Unexpected failures only: no clinic, no permission and bad links have their own states.
 */
export function SectionError({ error, reset, what }: ErrorProps & { what: string }) {
  return (
    <EmptyState icon={TriangleAlert} title="Something went wrong" action={<Button onClick={reset}>Try again</Button>}>
      We couldn't load {what}. Try again in a moment; if it keeps happening, contact support
      {error.digest ? (
        <>
          {" "}
          and mention the code <code>{error.digest}</code>
        </>
      ) : null}
      .
    </EmptyState>
  );
}
