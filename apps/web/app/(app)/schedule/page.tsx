import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import Link from "next/link";
import {
  addDays,
  formatDay,
  formatMinute,
  formatTimeRange,
  isDay,
  localDay,
  minuteOfDay,
  mondayOf,
  overrideDay,
  todayIn,
  weekdayOf,
} from "@/components/clinic-time";
import { fullName, startOfDay } from "@/components/format";
import { caller, requireShell } from "@/trpc/server";
import type { RouterOutputs } from "@/trpc/types";
import { ClinicUnavailable, NotAllowed } from "../clinic-unavailable";
import { ProviderFilter } from "./provider-filter";
import { ScheduleBoard } from "./schedule-board";
import type { CalendarAppointment, Column, View } from "./types";

export const metadata: Metadata = { title: "Schedule" };
export const dynamic = "force-dynamic";

type Provider = RouterOutputs["providers"]["list"][number];
type Override = RouterOutputs["providers"]["overrides"][number];

const DEFAULT_COLOR = "#2563eb";
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * A provider's working intervals on one day, as availability computes them: their own override
 * wins over a clinic-wide one, "closed" wins over "open", and an override replaces weekly hours.
 */
function hoursOn(day: string, provider: Provider, overrides: Override[]): Pick<Column, "hours" | "note"> {
  const todays = overrides.filter(
    (o) => overrideDay(o.date) === day && (o.providerId === null || o.providerId === provider.id),
  );
  const own = todays.filter((o) => o.providerId !== null);
  const relevant = own.length > 0 ? own : todays;
  const closed = relevant.find((o) => o.kind === "closed");
  if (closed) return { hours: [], note: closed.reason ? `Closed: ${closed.reason}` : "Closed" };
  const open = relevant.flatMap((o) =>
    o.kind === "open" && o.startMinute !== null && o.endMinute !== null
      ? [{ startMinute: o.startMinute, endMinute: o.endMinute, reason: o.reason }]
      : [],
  );
  if (open.length > 0) {
    const reason = open.find((o) => o.reason)?.reason;
    return { hours: open, note: reason ? `Special hours: ${reason}` : "Special hours" };
  }
  const weekly = provider.workingHours.filter((h) => h.weekday === weekdayOf(day));
  return { hours: weekly, note: weekly.length === 0 ? "Off" : null };
}

function scheduleHref(day: string, view: View, providerId: string | null) {
  const params = new URLSearchParams({ date: day, view });
  if (providerId) params.set("provider", providerId);
  return `/schedule?${params}`;
}

export default async function SchedulePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const shell = await requireShell("/schedule");
  if (shell.state !== "ready") return <ClinicUnavailable shell={shell} />;
  const { clinic } = shell;
  if (!can(clinic.myRole, "appointments:manage")) return <NotAllowed role={clinic.myRole} what="see the schedule" />;
  const canSetUp = can(clinic.myRole, "clinic:update");

  const tz = clinic.timezone;
  const params = await searchParams;
  const today = todayIn(tz);
  const requestedDay = first(params.date);
  const date = isDay(requestedDay) ? requestedDay : today;
  const view: View = first(params.view) === "week" ? "week" : "day";

  const api = await caller();
  const [providers, types] = await Promise.all([api.providers.list(), api.appointmentTypes.list()]);
  const chosen = providers.find((p) => p.id === first(params.provider));
  // A week shows one provider: the chosen one, else the first active one.
  const weekProvider = chosen ?? providers.find((p) => p.active) ?? providers[0];
  const providerParam = view === "week" ? (weekProvider?.id ?? null) : (chosen?.id ?? null);

  const days = view === "week" ? Array.from({ length: 7 }, (_, i) => addDays(mondayOf(date), i)) : [date];
  const firstDay = days[0] ?? date;
  const lastDay = days.at(-1) ?? date;
  const from = startOfDay(firstDay, tz) ?? new Date();
  const to = startOfDay(lastDay, tz, 1) ?? new Date();

  const [appointments, overrides] = await Promise.all([
    providers.length === 0
      ? Promise.resolve([])
      : api.appointments.list({ from, to, providerId: providerParam ?? undefined }),
    api.providers.overrides({ from: new Date(`${firstDay}T00:00:00Z`), to: new Date(`${lastDay}T00:00:00Z`) }),
  ]);

  const providerById = new Map(providers.map((p) => [p.id, p]));
  const columns: Column[] =
    view === "week"
      ? weekProvider
        ? days.map((day) => ({
            key: day,
            day,
            providerId: weekProvider.id,
            title: formatDay(day, "weekday"),
            subtitle: null,
            today: day === today,
            ...hoursOn(day, weekProvider, overrides),
          }))
        : []
      : providers
          // Inactive providers only appear when they still have appointments that day.
          .filter((p) => (chosen ? p.id === chosen.id : p.active || appointments.some((a) => a.provider.id === p.id)))
          .map((p) => ({
            key: p.id,
            day: date,
            providerId: p.id,
            title: p.active ? p.name : `${p.name} (inactive)`,
            subtitle: p.title,
            today: date === today,
            ...hoursOn(date, p, overrides),
          }));

  const placed: CalendarAppointment[] = appointments.flatMap((a) => {
    const day = localDay(a.startsAt, tz);
    const columnKey = view === "week" ? day : a.provider.id;
    if (!columns.some((c) => c.key === columnKey)) return [];
    const startMinute = minuteOfDay(a.startsAt, tz);
    const length = Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000);
    return [
      {
        id: a.id,
        columnKey,
        startMinute,
        endMinute: Math.min(startMinute + length, 24 * 60),
        status: a.status,
        color: providerById.get(a.provider.id)?.color ?? DEFAULT_COLOR,
        timeLabel: formatTimeRange(a.startsAt, a.endsAt, tz),
        whenLabel: `${formatDay(day)}, ${formatTimeRange(a.startsAt, a.endsAt, tz)}`,
        day,
        patient: a.patient ? { id: a.patient.id, name: fullName(a.patient), phone: a.patient.phone } : null,
        appointmentType: { id: a.appointmentType.id, name: a.appointmentType.name },
        provider: a.provider,
        notes: a.notes,
        source: a.source,
      },
    ];
  });

  // The grid spans the working hours shown (and anything booked outside them), on whole hours.
  const starts = [...columns.flatMap((c) => c.hours.map((h) => h.startMinute)), ...placed.map((a) => a.startMinute)];
  const ends = [...columns.flatMap((c) => c.hours.map((h) => h.endMinute)), ...placed.map((a) => a.endMinute)];
  const rangeStart = starts.length > 0 ? Math.floor(Math.min(...starts) / 60) * 60 : 8 * 60;
  const rangeEnd = ends.length > 0 ? Math.max(Math.ceil(Math.max(...ends) / 60) * 60, rangeStart + 60) : 18 * 60;
  const hourLabels = [];
  for (let minute = rangeStart; minute < rangeEnd; minute += 60) {
    hourLabels.push({ minute, label: formatMinute(minute).replace(":00", "") });
  }

  const activeProviders = providers.filter((p) => p.active);
  const bookableTypes = types
    .filter(
      (t) => t.active && activeProviders.some((p) => p.appointmentTypes.some((x) => x.appointmentTypeId === t.id)),
    )
    .map((t) => ({ id: t.id, name: t.name, durationMinutes: t.durationMinutes }));

  const step = view === "week" ? 7 : 1;
  const title =
    view === "week"
      ? `Week of ${formatDay(firstDay, "short")}`
      : `${formatDay(date)}${date === today ? " (today)" : ""}`;

  return (
    <>
      <div className="page-header">
        <h1>Schedule</h1>
        <span className="muted">
          {title}
          {view === "week" && weekProvider ? ` · ${weekProvider.name}` : ""} · times in {tz}
        </span>
      </div>

      <div className="schedule-toolbar">
        <nav className="button-group" aria-label="Dates">
          <Link className="button inline secondary" href={scheduleHref(addDays(date, -step), view, providerParam)}>
            ← Previous {view}
          </Link>
          <Link className="button inline secondary" href={scheduleHref(today, view, providerParam)}>
            Today
          </Link>
          <Link className="button inline secondary" href={scheduleHref(addDays(date, step), view, providerParam)}>
            Next {view} →
          </Link>
        </nav>
        <nav className="button-group" aria-label="View">
          <Link
            className="button inline secondary"
            href={scheduleHref(date, "day", chosen?.id ?? null)}
            aria-current={view === "day" ? "page" : undefined}
          >
            Day
          </Link>
          <Link
            className="button inline secondary"
            href={scheduleHref(date, "week", providerParam)}
            aria-current={view === "week" ? "page" : undefined}
          >
            Week
          </Link>
        </nav>
        {providers.length > 0 ? (
          <ProviderFilter
            date={date}
            view={view}
            value={providerParam ?? ""}
            providers={providers.map((p) => ({ id: p.id, name: p.active ? p.name : `${p.name} (inactive)` }))}
          />
        ) : null}
        <form className="schedule-jump" method="get" action="/schedule">
          <label htmlFor="jump-date" className="visually-hidden">
            Go to date
          </label>
          <input id="jump-date" name="date" type="date" defaultValue={date} />
          <input type="hidden" name="view" value={view} />
          {providerParam ? <input type="hidden" name="provider" value={providerParam} /> : null}
          <button className="button inline secondary" type="submit">
            Go
          </button>
        </form>
      </div>
      {requestedDay && !isDay(requestedDay) ? (
        <p role="alert" className="alert">
          “{requestedDay}” isn't a date, so today is shown. Pick a date with the calendar or type it as YYYY-MM-DD.
        </p>
      ) : null}

      {providers.length === 0 ? (
        <div className="empty">
          <h2>No providers yet</h2>
          <p className="muted">
            {canSetUp ? (
              <>
                The schedule has a column for each provider. Add your{" "}
                <Link href="/settings/appointment-types">appointment types</Link>, then your{" "}
                <Link href="/settings/providers">providers</Link> and their weekly hours.
              </>
            ) : (
              "The schedule has a column for each provider. Ask an owner or admin to add providers and their hours."
            )}
          </p>
        </div>
      ) : (
        <ScheduleBoard
          calendar={{
            clinicId: clinic.id,
            timeZone: tz,
            view,
            providerParam,
            bookingDay: date < today ? today : date,
            today,
            rangeStart,
            rangeEnd,
            hourLabels,
            columns,
            appointments: placed,
            types: bookableTypes,
            providers: activeProviders.map((p) => ({
              id: p.id,
              name: p.name,
              typeIds: p.appointmentTypes.map((t) => t.appointmentTypeId),
            })),
            canSeePatients: can(clinic.myRole, "patients:read"),
          }}
          setUpHint={
            canSetUp
              ? "Nothing can be booked yet: give an active provider an appointment type on the Providers page."
              : "Nothing can be booked yet: ask an owner or admin to give a provider an appointment type."
          }
        />
      )}
    </>
  );
}
