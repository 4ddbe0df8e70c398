import { can } from "@frontdesk/core/tenancy";
import { ClipboardList, Phone, PhoneIncoming, Stethoscope } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Card } from "@/components/ui/card";
import { addDays, formatDay, localDay, todayIn } from "@/lib/clinic-time";
import { formatPhone } from "@/lib/format";
import { routes } from "@/routes";
import { clinicPage } from "@/shell/clinic-page";
import { getQueryClient, trpc } from "@/trpc/server";
import { BookingsChart } from "./bookings-chart";

export const metadata: Metadata = { title: "Dashboard" };

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

export default clinicPage(routes.dashboard, async ({ clinic }) => {
  const today = todayIn(clinic.timezone);
  const days = Array.from({ length: 14 }, (_, i) => addDays(today, i));
  const queryClient = getQueryClient();
  const [{ providers, appointmentTypes, phoneNumbers, calls }, upcoming] = await Promise.all([
    queryClient.fetchQuery(trpc.clinic.overview.queryOptions()),
    // A role without appointments:manage simply doesn't get the chart.
    can(clinic.myRole, "appointments:manage")
      ? queryClient.fetchQuery(
          trpc.appointments.list.queryOptions({
            from: new Date(Date.now() - 86_400_000),
            to: new Date(Date.now() + 15 * 86_400_000),
          }),
        )
      : null,
  ]);
  const perDay = new Map<string, number>();
  for (const appointment of upcoming ?? []) {
    if (appointment.status !== "booked") continue;
    const day = localDay(appointment.startsAt, clinic.timezone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }

  return (
    <>
      <PageHeader title={clinic.name} description={`Times shown in ${clinic.timezone}`} />
      <div className="grid gap-6">
        <section aria-label="At a glance" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <Stat icon={Stethoscope} label="Providers" value={providers} />
          <Stat icon={ClipboardList} label="Appointment types" value={appointmentTypes} />
          <Stat
            icon={Phone}
            label="Phone numbers"
            value={phoneNumbers.length}
            detail={phoneNumbers.map((n) => formatPhone(n.e164)).join(", ") || "none yet"}
          />
          <Stat icon={PhoneIncoming} label="Calls" value={calls} />
        </section>
        {upcoming ? (
          <BookingsChart
            days={days.map((day) => ({
              day,
              label: formatDay(day, "weekday").replace(/^(\w+), \w+ (\d+)$/, "$1 $2"),
              title: formatDay(day, "weekday"),
              booked: perDay.get(day) ?? 0,
            }))}
          />
        ) : null}
        {calls === 0 ? (
          <EmptyState icon={PhoneIncoming} title="No calls yet">
            Call {phoneNumbers[0] ? formatPhone(phoneNumbers[0].e164) : "your clinic's number"} to talk to your
            receptionist; the call, its transcript and any booking will show up here.
          </EmptyState>
        ) : null}
      </div>
    </>
  );
});
