import Link from "next/link";
import { AppointmentStatusBadge } from "@/components/appointment-status";
import { DataTable } from "@/components/data-table";
import { localDay } from "@/lib/clinic-time";
import { formatDateTime } from "@/lib/format";
import type { RouterOutputs } from "@/trpc/types";

type Status = RouterOutputs["appointments"]["list"][number]["status"];
type Row = {
  id: string;
  startsAt: Date;
  status: Status;
  provider: { name: string };
  appointmentType: { name: string };
};

/** Appointments with a link to each one's day on the schedule. */
export function AppointmentTable({ rows, timeZone }: { rows: Row[]; timeZone: string }) {
  return (
    <DataTable
      rows={rows}
      rowKey={(a) => a.id}
      columns={[
        {
          header: "When",
          cell: (a) => (
            <Link href={`/schedule?date=${localDay(a.startsAt, timeZone)}&view=day`} prefetch={false}>
              {formatDateTime(a.startsAt, timeZone)}
            </Link>
          ),
        },
        { header: "Type", cell: (a) => a.appointmentType.name },
        { header: "With", cell: (a) => a.provider.name },
        { header: "Status", cell: (a) => <AppointmentStatusBadge status={a.status} /> },
      ]}
    />
  );
}
