"use client";

import {
  type InfiniteData,
  type QueryKey,
  type UseSuspenseInfiniteQueryOptions,
  useSuspenseInfiniteQuery,
} from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/trpc/errors";
import { type Column, DataTable } from "./data-table";

type Page<Row> = { items: Row[]; nextCursor?: string };

/**
 * A list read a page at a time (`query`: a procedure's infiniteQueryOptions, as the page
 * prefetched it): its rows so far, "Load more" while there are more (saying so when the last
 * page is in), or `empty` when there are none.
 */
export function PagedTable<Row extends { id: string }, Key extends QueryKey, Cursor, Failure>({
  query,
  columns,
  empty,
  everything,
}: {
  query: UseSuspenseInfiniteQueryOptions<Page<Row>, Failure, InfiniteData<Page<Row>, Cursor>, Key, Cursor>;
  columns: readonly (Column<Row> | false)[];
  empty: ReactNode;
  /** What to say once every page is in, e.g. "That's every message." */
  everything?: string;
}) {
  const pages = useSuspenseInfiniteQuery(query);
  const rows = pages.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) return empty;
  return (
    <>
      <DataTable rows={rows} columns={columns} rowKey={(row) => row.id} />
      <div className="flex flex-wrap items-center gap-3 px-3 pt-3 pb-1 empty:hidden">
        {pages.hasNextPage ? (
          <Button variant="outline" pending={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            {pages.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        ) : everything && pages.data.pages.length > 1 ? (
          <p className="text-muted-foreground text-sm">{everything}</p>
        ) : null}
        {pages.isFetchNextPageError ? <Alert variant="destructive">{errorMessage(pages.error)}</Alert> : null}
      </div>
    </>
  );
}
