"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { PagedTable } from "@/components/paged-table";
import { formatDateTime, formatPhone, fullName } from "@/lib/format";
import { hrefOf, routes } from "@/routes";
import { useClinic } from "@/shell/use-clinic";
import { byCursor } from "@/trpc/pages";
import { useTRPC } from "@/trpc/react";
import type { RouterInputs } from "@/trpc/types";
import { CallOutcomeBadge, formatCost, formatDuration } from "./call-labels";

/** Calls, newest first, a page at a time; `filter` is the same one the page prefetched. */
export function CallList({ filter, empty }: { filter: RouterInputs["calls"]["list"]; empty: ReactNode }) {
  const trpc = useTRPC();
  const { timezone } = useClinic();
  return (
    <PagedTable
      query={trpc.calls.list.infiniteQueryOptions(filter, byCursor)}
      everything="That's every call."
      empty={empty}
      columns={[
        {
          header: "When",
          className: "whitespace-nowrap",
          cell: (call) => (
            <Link href={hrefOf(routes.call, { id: call.id })} prefetch={false}>
              {formatDateTime(call.startedAt ?? call.createdAt, timezone)}
            </Link>
          ),
        },
        {
          header: "Caller",
          cell: (call) => {
            const number = call.direction === "inbound" ? call.fromNumber : call.toNumber;
            return (
              <>
                {call.patient ? <span className="block">{fullName(call.patient)}</span> : null}
                <span className={call.patient ? "text-muted-foreground" : undefined}>
                  {number ? formatPhone(number) : "Unknown number"}
                </span>
              </>
            );
          },
        },
        { header: "Outcome", cell: (call) => <CallOutcomeBadge outcome={call.outcome} status={call.status} /> },
        { header: "Length", className: "whitespace-nowrap", cell: (call) => formatDuration(call.durationSeconds) },
        {
          header: "Line",
          cell: (call) =>
            call.phoneNumber
              ? (call.phoneNumber.label ?? formatPhone(call.phoneNumber.e164))
              : (call.assistant?.name ?? "—"),
        },
        { header: "Summary", className: "max-w-md", cell: (call) => call.summary ?? "" },
        { header: "Cost", className: "text-right", cell: (call) => formatCost(call.costUsd) },
      ]}
    />
  );
}
