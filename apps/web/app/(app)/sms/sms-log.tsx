"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { LoadMore } from "@/components/load-more";
import { SmsTable } from "@/components/sms-table";
import { useClinic } from "@/shell/use-clinic";
import { byCursor } from "@/trpc/pages";
import { useTRPC } from "@/trpc/react";
import type { RouterInputs } from "@/trpc/types";

export type SmsFilter = Pick<RouterInputs["sms"]["list"], "status" | "patientId">;

/** Texts, newest first, a page at a time; `filter` is the same one the page prefetched. */
export function SmsLog({ filter, empty }: { filter: SmsFilter; empty: ReactNode }) {
  const trpc = useTRPC();
  const { timezone } = useClinic();
  const pages = useSuspenseInfiniteQuery(trpc.sms.list.infiniteQueryOptions(filter, byCursor));
  const rows = pages.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) return empty;
  return (
    <>
      <SmsTable rows={rows} timeZone={timezone} showPatient={!filter.patientId} />
      <LoadMore pages={pages} everything="That's every message." />
    </>
  );
}
