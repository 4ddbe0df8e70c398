"use client";

import type { ReactNode } from "react";
import { PagedTable } from "@/components/paged-table";
import { smsColumns } from "@/components/sms-columns";
import { useClinic } from "@/shell/use-clinic";
import { byCursor } from "@/trpc/pages";
import { useTRPC } from "@/trpc/react";
import type { RouterInputs } from "@/trpc/types";

/** Texts, newest first, a page at a time; `filter` is the same one the page prefetched. */
export function SmsLog({
  filter,
  empty,
}: {
  filter: Pick<RouterInputs["sms"]["list"], "status" | "patientId">;
  empty: ReactNode;
}) {
  const trpc = useTRPC();
  const { timezone } = useClinic();
  const query = trpc.sms.list.infiniteQueryOptions(filter, byCursor);
  return (
    <PagedTable
      query={query}
      columns={smsColumns(timezone, !filter.patientId)}
      empty={empty}
      everything="That's every message."
    />
  );
}
