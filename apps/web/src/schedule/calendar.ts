// The schedule's view model: from what the procedures return (providers with weekly hours,
// date overrides, appointments) to what the grid draws (columns with their working hours,
// appointments placed in minutes, the hour range). Pure functions, so the server page (to
// prefetch) and the browser (to draw) derive the same query inputs, and tests pin the rules.
// Runtime imports are relative: vitest runs this file without the app's "@/" alias.
import { workingHoursOn } from "@frontdesk/core/working-hours";
import type { RouterOutputs } from "@/trpc/types";
import {
  addDays,
  dayAsDate,
  dayStartsAt,
  formatDay,
  formatMinute,
  formatTimeRange,
  localDay,
  minuteOfDay,
  mondayOf,
  overrideDay,
  weekdayOf,
} from "../lib/clinic-time";
import { fullName } from "../lib/format";

export type View = "day" | "week";
type Provider = RouterOutputs["providers"]["list"][number];
type Override = RouterOutputs["providers"]["overrides"][number];
type Appointment = RouterOutputs["appointments"]["list"][number];
type AppointmentType = RouterOutputs["appointmentTypes"]["list"][number];
type Minutes = { startMinute: number; endMinute: number };

/** What the URL asks for: a day, a view, and (optionally) one provider. */
export type ScheduleParams = { date: string; view: View; provider: string | null };

export const DEFAULT_COLOR = "#2563eb";

export function scheduleHref(day: string, view: View, providerId: string | null) {
  const params = new URLSearchParams({ date: day, view });
  if (providerId) params.set("provider", providerId);
  return `/schedule?${params}`;
}

/**
 * Which days the calendar spans and whose appointments it needs: a week shows one provider (the
 * chosen one, else the first active one), a day shows everyone unless one is chosen.
 */
export function scheduleWindow(params: ScheduleParams, providers: Provider[], timeZone: string) {
  const chosen = providers.find((p) => p.id === params.provider) ?? null;
  const weekProvider = chosen ?? providers.find((p) => p.active) ?? providers[0] ?? null;
  const providerParam = params.view === "week" ? (weekProvider?.id ?? null) : (chosen?.id ?? null);
  const days =
    params.view === "week" ? Array.from({ length: 7 }, (_, i) => addDays(mondayOf(params.date), i)) : [params.date];
  const first = days[0] ?? params.date;
  const last = days.at(-1) ?? params.date;
  return {
    ...params,
    days,
    chosen,
    weekProvider,
    providerParam,
    /** appointments.list's input. */
    appointments: {
      from: dayStartsAt(first, timeZone),
      to: dayStartsAt(last, timeZone, 1),
      providerId: providerParam ?? undefined,
    },
    /** providers.overrides' input (override dates are stored as UTC midnight). */
    overrides: { from: dayAsDate(first), to: dayAsDate(last) },
  };
}

type ScheduleWindow = ReturnType<typeof scheduleWindow>;

/**
 * A provider's working intervals on one day, as availability computes them: their own override
 * wins over a clinic-wide one, "closed" wins over "open", and an override replaces weekly hours.
 * `note` says why the day differs from a plain working day.
 */
export function hoursOn(day: string, provider: Provider, overrides: Override[]) {
  const todays = overrides.filter(
    (o) => overrideDay(o.date) === day && (o.providerId === null || o.providerId === provider.id),
  );
  const { hours, decidedBy } = workingHoursOn(weekdayOf(day), provider.workingHours, todays);
  if (decidedBy.length === 0) return { hours, note: hours.length === 0 ? "Off" : null };
  const reason = decidedBy.find((o) => o.reason)?.reason;
  if (decidedBy[0]?.kind === "closed") return { hours, note: reason ? `Closed: ${reason}` : "Closed" };
  return { hours, note: reason ? `Special hours: ${reason}` : "Special hours" };
}

type Column = {
  key: string;
  /** The clinic's calendar day this column shows. */
  day: string;
  providerId: string;
  title: string;
  subtitle: string | null;
  today: boolean;
  /** Working intervals in minutes from local midnight (weekly hours, or that day's override). */
  hours: Minutes[];
  /** Why the hours differ from a plain working day: "Off", "Closed: Holiday", "Special hours". */
  note: string | null;
};

export type PlacedAppointment = Minutes & {
  id: string;
  columnKey: string;
  status: Appointment["status"];
  color: string;
  timeLabel: string;
  whenLabel: string;
  day: string;
  patient: { id: string; name: string; phone: string } | null;
  appointmentType: { id: string; name: string };
  provider: { id: string; name: string };
  notes: string | null;
  source: Appointment["source"];
};

const inactive = (p: Provider) => (p.active ? p.name : `${p.name} (inactive)`);

/** The grid: columns (a provider each for a day, a day each for a week), placed appointments, the hours spanned. */
export function buildCalendar(
  window: ScheduleWindow,
  data: { providers: Provider[]; appointments: Appointment[]; overrides: Override[] },
  { today, timeZone }: { today: string; timeZone: string },
) {
  const { providers, appointments, overrides } = data;
  const { chosen, weekProvider } = window;
  const columns: Column[] =
    window.view === "week"
      ? weekProvider
        ? window.days.map((day) => ({
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
            day: window.date,
            providerId: p.id,
            title: inactive(p),
            subtitle: p.title,
            today: window.date === today,
            ...hoursOn(window.date, p, overrides),
          }));

  const color = new Map(providers.map((p) => [p.id, p.color ?? DEFAULT_COLOR]));
  const placed: PlacedAppointment[] = appointments.flatMap((a) => {
    const day = localDay(a.startsAt, timeZone);
    const columnKey = window.view === "week" ? day : a.provider.id;
    if (!columns.some((c) => c.key === columnKey)) return [];
    const startMinute = minuteOfDay(a.startsAt, timeZone);
    const length = Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000);
    return [
      {
        id: a.id,
        columnKey,
        startMinute,
        endMinute: Math.min(startMinute + length, 24 * 60),
        status: a.status,
        color: color.get(a.provider.id) ?? DEFAULT_COLOR,
        timeLabel: formatTimeRange(a.startsAt, a.endsAt, timeZone),
        whenLabel: `${formatDay(day)}, ${formatTimeRange(a.startsAt, a.endsAt, timeZone)}`,
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
  const spans = [...columns.flatMap((c) => c.hours), ...placed];
  const rangeStart = spans.length > 0 ? Math.floor(Math.min(...spans.map((s) => s.startMinute)) / 60) * 60 : 8 * 60;
  const rangeEnd =
    spans.length > 0
      ? Math.max(Math.ceil(Math.max(...spans.map((s) => s.endMinute)) / 60) * 60, rangeStart + 60)
      : 18 * 60;
  const hourLabels = [];
  for (let minute = rangeStart; minute < rangeEnd; minute += 60) {
    hourLabels.push({ minute, label: formatMinute(minute).replace(":00", "") });
  }
  return { columns, appointments: placed, rangeStart, rangeEnd, hourLabels };
}

/** What can be booked: active types that at least one active provider offers, and who offers what. */
export function bookable(providers: Provider[], types: AppointmentType[]) {
  const active = providers.filter((p) => p.active);
  return {
    types: types
      .filter((t) => t.active && active.some((p) => p.appointmentTypes.some((x) => x.appointmentTypeId === t.id)))
      .map((t) => ({ id: t.id, name: t.name, durationMinutes: t.durationMinutes })),
    providers: active.map((p) => ({
      id: p.id,
      name: p.name,
      typeIds: p.appointmentTypes.map((t) => t.appointmentTypeId),
    })),
  };
}
