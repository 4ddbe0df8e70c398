"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/trpc/errors";

type Pages = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<unknown>;
  data: { pages: unknown[] };
};

/** "Load more" under a list read with useInfiniteQuery; says so when the last page is in. */
export function LoadMore({ pages, everything }: { pages: Pages; everything?: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3 pt-2">
      {pages.hasNextPage ? (
        <Button variant="outline" pending={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {pages.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      ) : everything && pages.data.pages.length > 1 ? (
        <p className="text-muted-foreground text-sm">{everything}</p>
      ) : null}
      {pages.isFetchNextPageError ? <Alert variant="destructive">{errorMessage(pages.error)}</Alert> : null}
    </div>
  );
}
