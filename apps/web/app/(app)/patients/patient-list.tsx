"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { PagedTable } from "@/components/paged-table";
import { formatDate, formatPhone, fullName } from "@/lib/format";
import { useClinic } from "@/shell/use-clinic";
import { byCursor } from "@/trpc/pages";
import { useTRPC } from "@/trpc/react";

/** The clinic's patients, newest first, a page at a time. */
export function PatientList({ search, empty }: { search?: string; empty: ReactNode }) {
  const trpc = useTRPC();
  const { timezone } = useClinic();
  const query = trpc.patients.list.infiniteQueryOptions({ search }, byCursor);
  return (
    <PagedTable
      query={query}
      empty={empty}
      columns={[
        {
          header: "Name",
          className: "font-medium",
          cell: (patient) => (
            <Link href={`/patients/${patient.id}`} prefetch={false}>
              {fullName(patient)}
            </Link>
          ),
        },
        { header: "Phone", className: "whitespace-nowrap", cell: (patient) => formatPhone(patient.phone) },
        { header: "Email", cell: (patient) => patient.email ?? "—" },
        { header: "Added", className: "whitespace-nowrap", cell: (patient) => formatDate(patient.createdAt, timezone) },
      ]}
    />
  );
}
