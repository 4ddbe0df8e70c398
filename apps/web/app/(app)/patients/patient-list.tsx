"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { LoadMore } from "@/components/load-more";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate, formatPhone, fullName } from "@/lib/format";
import { useClinic } from "@/shell/use-clinic";
import { byCursor } from "@/trpc/pages";
import { useTRPC } from "@/trpc/react";

/** The clinic's patients, newest first, a page at a time. */
export function PatientList({ search, empty }: { search?: string; empty: ReactNode }) {
  const trpc = useTRPC();
  const { timezone } = useClinic();
  const pages = useSuspenseInfiniteQuery(trpc.patients.list.infiniteQueryOptions({ search }, byCursor));
  const rows = pages.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) return empty;
  return (
    <>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Phone</TableHead>
            <TableHead>Email</TableHead>
            <TableHead>Added</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((patient) => (
            <TableRow key={patient.id}>
              <TableCell className="font-medium">
                <Link href={`/patients/${patient.id}`}>{fullName(patient)}</Link>
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatPhone(patient.phone)}</TableCell>
              <TableCell>{patient.email ?? "—"}</TableCell>
              <TableCell className="whitespace-nowrap">{formatDate(patient.createdAt, timezone)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <LoadMore pages={pages} />
    </>
  );
}
