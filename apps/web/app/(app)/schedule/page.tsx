import { can } from "@frontdesk/core/tenancy";
import { ChevronLeft, ChevronRight, Stethoscope } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { addDays, formatDay, isDay, todayIn } from "@/lib/clinic-time";
import { cn } from "@/lib/utils";
import { routes } from "@/routes";
import { type ScheduleParams, scheduleHref, scheduleWindow } from "@/schedule/calendar";
import { clinicPage, param } from "@/shell/clinic-page";
import { getQueryClient, prefetch, trpc } from "@/trpc/server";
import { ProviderFilter } from "./provider-filter";
import { ScheduleBoard } from "./schedule-board";

export const metadata: Metadata = { title: routes.schedule.label };

export default clinicPage(routes.schedule, async ({ clinic, searchParams }) => {
  const tz = clinic.timezone;
  const today = todayIn(tz);
  const requestedDay = param(searchParams, "date");
  const params: ScheduleParams = {
    date: isDay(requestedDay) ? requestedDay : today,
    view: param(searchParams, "view") === "week" ? "week" : "day",
    provider: param(searchParams, "provider") ?? null,
  };
  const [providers] = await Promise.all([
    getQueryClient().fetchQuery(trpc.providers.list.queryOptions()),
    prefetch(trpc.appointmentTypes.list.queryOptions()),
  ]);
  const window = scheduleWindow(params, providers, tz);
  if (providers.length > 0) {
    await prefetch(
      trpc.appointments.list.queryOptions(window.appointments),
      trpc.providers.overrides.queryOptions(window.overrides),
    );
  }
  const canSetUp = can(clinic.myRole, "clinic:update");
  const { date, view, providerParam } = window;
  const step = view === "week" ? 7 : 1;
  const title =
    view === "week"
      ? `Week of ${formatDay(window.days[0] ?? date, "short")}`
      : `${formatDay(date)}${date === today ? " (today)" : ""}`;

  return (
    <div data-wide className="grid gap-4">
      <PageHeader
        title={routes.schedule.label}
        description={`${title}${view === "week" && window.weekProvider ? ` · ${window.weekProvider.name}` : ""} · times in ${tz}`}
      />
      <div className="flex flex-wrap items-center gap-3">
        <nav aria-label="Dates" className="flex items-center gap-1">
          <Button asChild variant="outline" size="sm">
            <Link prefetch={false} href={scheduleHref(addDays(date, -step), view, providerParam)}>
              <ChevronLeft aria-hidden />
              Previous {view}
            </Link>
          </Button>
          <Button asChild variant="outline" size="sm">
            <Link prefetch={false} href={scheduleHref(today, view, providerParam)}>
              Today
            </Link>
          </Button>
          <Button asChild variant="outline" size="sm">
            <Link prefetch={false} href={scheduleHref(addDays(date, step), view, providerParam)}>
              Next {view}
              <ChevronRight aria-hidden />
            </Link>
          </Button>
        </nav>
        <nav aria-label="View" className="flex rounded-md border bg-card p-0.5">
          {(["day", "week"] as const).map((v) => (
            <Link
              key={v}
              prefetch={false}
              href={scheduleHref(date, v, v === "day" ? (window.chosen?.id ?? null) : providerParam)}
              aria-current={view === v ? "page" : undefined}
              className={cn(
                "rounded px-3 py-1 text-foreground text-sm capitalize no-underline hover:no-underline",
                view === v ? "bg-primary text-primary-foreground" : "hover:bg-accent",
              )}
            >
              {v}
            </Link>
          ))}
        </nav>
        {providers.length > 0 ? (
          <ProviderFilter
            date={date}
            view={view}
            value={providerParam ?? ""}
            providers={providers.map((p) => ({ id: p.id, name: p.active ? p.name : `${p.name} (inactive)` }))}
          />
        ) : null}
        <form method="get" action="/schedule" className="flex items-center gap-1.5">
          <label htmlFor="jump-date" className="sr-only">
            Go to date
          </label>
          <Input id="jump-date" name="date" type="date" defaultValue={date} className="h-8 w-40" />
          <input type="hidden" name="view" value={view} />
          {providerParam ? <input type="hidden" name="provider" value={providerParam} /> : null}
          <Button type="submit" variant="outline" size="sm">
            Go
          </Button>
        </form>
      </div>
      {requestedDay && !isDay(requestedDay) ? (
        <Alert variant="destructive">
          “{requestedDay}” isn't a date, so today is shown. Pick a date with the calendar or type it as YYYY-MM-DD.
        </Alert>
      ) : null}

      {providers.length === 0 ? (
        <EmptyState icon={Stethoscope} title="No providers yet">
          {canSetUp ? (
            <>
              The schedule has a column for each provider. Add your{" "}
              <Link href="/settings/appointment-types">appointment types</Link>, then your{" "}
              <Link href="/settings/providers">providers</Link> and their weekly hours.
            </>
          ) : (
            "The schedule has a column for each provider. Ask an owner or admin to add providers and their hours."
          )}
        </EmptyState>
      ) : (
        <ScheduleBoard
          params={params}
          today={today}
          canSeePatients={can(clinic.myRole, "patients:read")}
          setUpHint={
            canSetUp
              ? "Nothing can be booked yet: give an active provider an appointment type on the Providers page."
              : "Nothing can be booked yet: ask an owner or admin to give a provider an appointment type."
          }
        />
      )}
    </div>
  );
});
