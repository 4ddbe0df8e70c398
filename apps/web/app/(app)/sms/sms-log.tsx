"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { InlineAlert } from "@/components/field";
import { SmsTable } from "@/components/sms-table";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import type { RouterInputs, RouterOutputs } from "@/trpc/types";

type Page = RouterOutputs["sms"]["list"];
type Filter = Omit<RouterInputs["sms"]["list"], "cursor" | "limit">;

/** The first page comes from the server; "Load more" appends older pages in place. */
export function SmsLog({
  first,
  filter,
  timeZone,
  showPatient = true,
}: {
  first: Page;
  filter: Filter;
  timeZone: string;
  showPatient?: boolean;
}) {
  const [rows, setRows] = useState(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const more = useMutation({
    mutationFn: (after: string) => trpc.sms.list.query({ ...filter, cursor: after }),
    onSuccess: (page) => {
      setRows((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    },
  });

  return (
    <>
      <SmsTable rows={rows} timeZone={timeZone} showPatient={showPatient} />
      {cursor ? (
        <button
          type="button"
          className="button inline secondary"
          disabled={more.isPending}
          onClick={() => more.mutate(cursor)}
        >
          {more.isPending ? "Loading…" : "Load more"}
        </button>
      ) : rows.length > first.items.length ? (
        <p className="muted">That's every message.</p>
      ) : null}
      <InlineAlert message={formErrors(more.error).message} />
    </>
  );
}
