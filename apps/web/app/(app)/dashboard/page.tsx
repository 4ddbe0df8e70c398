import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { todayIn } from "@/lib/clinic-time";
import { routes } from "@/routes";
import { clinicPage } from "@/shell/clinic-page";
import { getQueryClient, prefetch, trpc } from "@/trpc/server";
import { AtAGlance } from "./at-a-glance";
import { LiveCalls } from "./live-calls";
import { DashboardSchedule } from "./todays-schedule";

export const metadata: Metadata = { title: "Dashboard" };

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
  const { phoneNumbers } = overview;

  return (
    <>
      <PageHeader title={clinic.name} description={`Times shown in ${clinic.timezone}`} />
      <div className="grid gap-6">
        {calls ? <LiveCalls timezone={clinic.timezone} number={phoneNumbers[0]?.e164 ?? null} /> : null}
        {schedule ? (
          <DashboardSchedule from={window.from} to={window.to} today={today} timezone={clinic.timezone} />
        ) : null}
        <AtAGlance />
      </div>
    </>
  );
});
