"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { ClipboardList } from "lucide-react";
import Link from "next/link";
import { ActiveBadge, DataTable, EditLink } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { useTRPC } from "@/trpc/react";

const minutes = (n: number) => (n === 0 ? "—" : `${n} min`);

export function AppointmentTypesTable({ edit }: { edit: boolean }) {
  const trpc = useTRPC();
  const { data: types } = useSuspenseQuery(trpc.appointmentTypes.list.queryOptions());
  const { data: providers } = useSuspenseQuery(trpc.providers.list.queryOptions());
  const providerName = new Map(providers.map((p) => [p.id, p.name]));
  if (types.length === 0) {
    return (
      <EmptyState icon={ClipboardList}>
        {edit
          ? "No appointment types yet. Add one below, then choose which providers offer it on the Providers page."
          : "No appointment types yet. Ask an owner or admin to add the visits your clinic offers."}
      </EmptyState>
    );
  }
  return (
    <DataTable
      rows={types}
      rowKey={(type) => type.id}
      inactive={(type) => !type.active}
      columns={[
        {
          header: "Name",
          className: "font-medium",
          cell: (type) => (
            <>
              {type.name}
              {type.description ? (
                <div className="font-normal text-muted-foreground text-xs">{type.description}</div>
              ) : null}
            </>
          ),
        },
        { header: "Length", cell: (type) => `${type.durationMinutes} min` },
        { header: "Buffer before", cell: (type) => minutes(type.bufferBeforeMinutes) },
        { header: "Buffer after", cell: (type) => minutes(type.bufferAfterMinutes) },
        {
          header: "Offered by",
          cell: (type) => {
            const offeredBy = type.providers.map((p) => providerName.get(p.providerId)).filter(Boolean);
            if (offeredBy.length > 0) return offeredBy.join(", ");
            return (
              <span className="text-muted-foreground">
                Nobody yet
                {edit ? (
                  <>
                    {" "}
                    — tick it on <Link href="/settings/providers">Providers</Link>
                  </>
                ) : null}
              </span>
            );
          },
        },
        { header: "Status", cell: (type) => <ActiveBadge active={type.active} /> },
        edit && {
          header: "Actions",
          hidden: true,
          cell: (type) => <EditLink href={`/settings/appointment-types?type=${type.id}`} name={type.name} />,
        },
      ]}
    />
  );
}
