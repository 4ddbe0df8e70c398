"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Stethoscope } from "lucide-react";
import { ActiveBadge, DataTable, EditLink } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatMinuteRange, WEEK_ORDER, WEEKDAYS } from "@/lib/clinic-time";
import { DEFAULT_COLOR } from "@/schedule/calendar";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";

type Shift = RouterOutputs["providers"]["list"][number]["workingHours"][number];

/** "Mon–Fri 9:00 AM – 5:00 PM", one line per run of weekdays with the same shifts. */
function summarizeHours(hours: Shift[]): string[] {
  const runs: { first: number; last: number; text: string }[] = [];
  const position = (weekday: number) => (WEEK_ORDER as readonly number[]).indexOf(weekday);
  for (const weekday of WEEK_ORDER) {
    const text = hours
      .filter((h) => h.weekday === weekday)
      .map(formatMinuteRange)
      .join(", ");
    const previous = runs.at(-1);
    if (text && previous?.text === text && position(previous.last) === position(weekday) - 1) {
      previous.last = weekday;
    } else if (text) runs.push({ first: weekday, last: weekday, text });
  }
  const short = (weekday: number) => WEEKDAYS[weekday]?.slice(0, 3);
  return runs.map((r) => `${short(r.first)}${r.first === r.last ? "" : `–${short(r.last)}`} ${r.text}`);
}

export function ProvidersTable({ edit }: { edit: boolean }) {
  const trpc = useTRPC();
  const { data: providers } = useSuspenseQuery(trpc.providers.list.queryOptions());
  const { data: types } = useSuspenseQuery(trpc.appointmentTypes.list.queryOptions());
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  if (providers.length === 0) {
    return (
      <EmptyState icon={Stethoscope}>
        {edit
          ? "No providers yet. Add the first one below, then set their weekly hours so patients can book them."
          : "No providers yet. Ask an owner or admin to add them and their hours."}
      </EmptyState>
    );
  }
  return (
    <DataTable
      rows={providers}
      rowKey={(provider) => provider.id}
      inactive={(provider) => !provider.active}
      columns={[
        {
          header: "Provider",
          className: "font-medium",
          cell: (provider) => (
            <>
              <span
                className="mr-2 inline-block size-2.5 rounded-full align-middle"
                style={{ background: provider.color ?? DEFAULT_COLOR }}
                aria-hidden
              />
              {provider.name}
              {provider.title ? <span className="font-normal text-muted-foreground">, {provider.title}</span> : null}
            </>
          ),
        },
        {
          header: "Offers",
          cell: (provider) => {
            const offers = provider.appointmentTypes.map((t) => typeName.get(t.appointmentTypeId)).filter(Boolean);
            return offers.length > 0 ? offers.join(", ") : <span className="text-muted-foreground">Nothing yet</span>;
          },
        },
        {
          header: "Weekly hours",
          cell: (provider) => {
            const hours = summarizeHours(provider.workingHours);
            if (hours.length === 0) return <span className="text-muted-foreground">No hours set</span>;
            return hours.map((line) => <div key={line}>{line}</div>);
          },
        },
        { header: "Status", cell: (provider) => <ActiveBadge active={provider.active} /> },
        edit && {
          header: "Actions",
          hidden: true,
          cell: (provider) => <EditLink href={`/settings/providers?provider=${provider.id}`} name={provider.name} />,
        },
      ]}
    />
  );
}
