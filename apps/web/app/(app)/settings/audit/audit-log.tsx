"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { LoadMore } from "@/components/load-more";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
  const pages = useSuspenseInfiniteQuery(trpc.audit.list.infiniteQueryOptions(filter, byCursor));
  const rows = pages.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) return empty;
  return (
    <>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Time</TableHead>
            <TableHead>Actor</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Target</TableHead>
            <TableHead>IP</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell className="whitespace-nowrap">{formatDateTime(row.createdAt, timezone)}</TableCell>
              <TableCell>{actor(row)}</TableCell>
              <TableCell>
                <code>{row.action}</code>
              </TableCell>
              <TableCell>{target(row)}</TableCell>
              <TableCell className="text-muted-foreground">{row.ip ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <LoadMore pages={pages} everything="That's every entry." />
    </>
  );
}
