"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { ClipboardList, Phone, PhoneIncoming, Stethoscope } from "lucide-react";
import { Card } from "@/components/ui/card";
import { formatPhone } from "@/lib/format";
import { useTRPC } from "@/trpc/react";

function Stat({
  icon: Icon,
  label,
  value,
  detail,
}: {
  icon: typeof Phone;
  label: string;
  value: number;
  detail?: string;
}) {
  return (
    <Card role="group" aria-label={label} className="grid gap-1 p-4">
      <span className="flex items-center gap-2 text-muted-foreground text-sm">
        <Icon className="size-4" aria-hidden />
        {label}
      </span>
      <strong className="font-semibold text-2xl tabular-nums">{value}</strong>
      {detail ? <span className="truncate text-muted-foreground text-xs">{detail}</span> : null}
    </Card>
  );
}

/** The clinic's counts; the server rendered them, live updates refetch them (a new call counts). */
export function AtAGlance() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.clinic.overview.queryOptions());
  return (
    <section aria-label="At a glance" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      <Stat icon={Stethoscope} label="Providers" value={data.providers} />
      <Stat icon={ClipboardList} label="Appointment types" value={data.appointmentTypes} />
      <Stat
        icon={Phone}
        label="Phone numbers"
        value={data.phoneNumbers.length}
        detail={data.phoneNumbers.map((n) => formatPhone(n.e164)).join(", ") || "none yet"}
      />
      <Stat icon={PhoneIncoming} label="Calls" value={data.calls} />
    </section>
  );
}
