"use client";

import type { ReactNode } from "react";
import { PagedTable } from "@/components/paged-table";
import { formatDateTime } from "@/lib/format";
import { useClinic } from "@/shell/use-clinic";
import { byCursor } from "@/trpc/pages";
import { useTRPC } from "@/trpc/react";
import type { RouterInputs, RouterOutputs } from "@/trpc/types";

type Row = RouterOutputs["audit"]["list"]["items"][number];

function actor(row: Row) {
  if (row.actorType === "api_key") return "API key";
  if (row.actorType === "voice_agent") return "AI receptionist";
  if (row.actorType === "system") return "Frontdesk";
  return row.actorName ?? "Former member";
}

/** The target's kind plus the most telling detail we have: an email or name, else the id's end. */
function target(row: Row) {
  if (!row.targetType) return "—";
  const detail = (key: string) => {
    const data = row.metadata;
    const value: unknown = typeof data === "object" && data !== null ? Reflect.get(data, key) : undefined;
    return typeof value === "string" ? value : undefined;
  };
  // UUIDv7 ids start with a timestamp, so their ends tell rows apart.
  const label = detail("email") ?? detail("name") ?? row.targetId?.slice(-8);
  return `${row.targetType} ${label ?? ""}`.trim();
}

/** The audit log, newest first, a page at a time; `filter` is the one the page prefetched. */
export function AuditLog({
  filter,
  empty,
}: {
  filter: Omit<RouterInputs["audit"]["list"], "cursor">;
  empty: ReactNode;
}) {
  const trpc = useTRPC();
  const { timezone } = useClinic();
  const query = trpc.audit.list.infiniteQueryOptions(filter, byCursor);
  return (
    <PagedTable
      query={query}
      empty={empty}
      everything="That's every entry."
      columns={[
        { header: "Time", className: "whitespace-nowrap", cell: (row) => formatDateTime(row.createdAt, timezone) },
        { header: "Actor", cell: actor },
        { header: "Action", cell: (row) => <code>{row.action}</code> },
        { header: "Target", cell: target },
        { header: "IP", className: "text-muted-foreground", cell: (row) => row.ip ?? "—" },
      ]}
    />
  );
}
