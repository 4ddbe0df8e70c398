import { can } from "@frontdesk/core/tenancy";
import { ClipboardList, Phone, PhoneIncoming, Stethoscope } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Card } from "@/components/ui/card";
import { todayIn } from "@/lib/clinic-time";
import { formatPhone } from "@/lib/format";
import { routes } from "@/routes";
import { clinicPage } from "@/shell/clinic-page";
import { getQueryClient, prefetch, trpc } from "@/trpc/server";
import { LiveCalls } from "./live-calls";
import { DashboardSchedule } from "./todays-schedule";

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
  // The window the bookings chart and today's list read; the client asks with the same input,
  // so it starts from this render's data and refetches it when a live update says so.
  const window = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 15 * 86_400_000) };
  const schedule = can(clinic.myRole, "appointments:manage");
  const calls = can(clinic.myRole, "calls:read");
  const queryClient = getQueryClient();
  const [overview] = await Promise.all([
    queryClient.fetchQuery(trpc.clinic.overview.queryOptions()),
    prefetch(
      ...(schedule ? [trpc.appointments.list.queryOptions(window)] : []),
      ...(calls ? [trpc.calls.live.queryOptions()] : []),
    ),
  ]);
  const { providers, appointmentTypes, phoneNumbers } = overview;

  return (
    <>
      <PageHeader title={clinic.name} description={`Times shown in ${clinic.timezone}`} />
      <div className="grid gap-6">
        {calls ? <LiveCalls timezone={clinic.timezone} number={phoneNumbers[0]?.e164 ?? null} /> : null}
        {schedule ? (
          <DashboardSchedule from={window.from} to={window.to} today={today} timezone={clinic.timezone} />
        ) : null}
        <section aria-label="At a glance" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <Stat icon={Stethoscope} label="Providers" value={providers} />
          <Stat icon={ClipboardList} label="Appointment types" value={appointmentTypes} />
          <Stat
            icon={Phone}
            label="Phone numbers"
            value={phoneNumbers.length}
            detail={phoneNumbers.map((n) => formatPhone(n.e164)).join(", ") || "none yet"}
          />
          <Stat icon={PhoneIncoming} label="Calls" value={overview.calls} />
        </section>
      </div>
    </>
  );
});
