import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { addDays, formatDay, formatMinute, overrideDay, todayIn, WEEK_ORDER, WEEKDAYS } from "@/components/clinic-time";
import { caller, requireShell } from "@/trpc/server";
import type { RouterOutputs } from "@/trpc/types";
import { ClinicUnavailable, NotAllowed } from "../../clinic-unavailable";
import { HoursEditor } from "./hours-editor";
import { AddOverrideForm, RemoveOverride } from "./overrides";
import { ProviderForm } from "./provider-form";

export const metadata: Metadata = { title: "Providers" };
export const dynamic = "force-dynamic";

type Provider = RouterOutputs["providers"]["list"][number];
type Shift = Provider["workingHours"][number];

const shiftText = (s: { startMinute: number; endMinute: number }) =>
  `${formatMinute(s.startMinute)} – ${formatMinute(s.endMinute)}`;

/** "Mon–Fri 9:00 AM – 5:00 PM", one line per run of weekdays with the same shifts. */
function summarizeHours(hours: Shift[]): string[] {
  const runs: { first: number; last: number; text: string }[] = [];
  const position = (weekday: number) => (WEEK_ORDER as readonly number[]).indexOf(weekday);
  for (const weekday of WEEK_ORDER) {
    const text = hours
      .filter((h) => h.weekday === weekday)
      .map(shiftText)
      .join(", ");
    const previous = runs.at(-1);
    if (text && previous?.text === text && position(previous.last) === position(weekday) - 1) {
      previous.last = weekday;
    } else if (text) runs.push({ first: weekday, last: weekday, text });
  }
  const short = (weekday: number) => WEEKDAYS[weekday]?.slice(0, 3);
  return runs.map((r) => `${short(r.first)}${r.first === r.last ? "" : `–${short(r.last)}`} ${r.text}`);
}

export default async function ProvidersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const shell = await requireShell("/settings/providers");
  if (shell.state !== "ready") return <ClinicUnavailable shell={shell} />;
  const { clinic } = shell;
  if (!can(clinic.myRole, "appointments:manage")) return <NotAllowed role={clinic.myRole} what="see providers" />;
  const edit = can(clinic.myRole, "clinic:update");

  const today = todayIn(clinic.timezone);
  const api = await caller();
  const [providers, types, overrides] = await Promise.all([
    api.providers.list(),
    api.appointmentTypes.list(),
    // Override dates are calendar days stored as UTC midnight.
    api.providers.overrides({ from: new Date(`${today}T00:00:00Z`), to: new Date(`${addDays(today, 366)}T00:00:00Z`) }),
  ]);
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  const providerName = new Map(providers.map((p) => [p.id, p.name]));
  const raw = (await searchParams).provider;
  const editing = edit ? providers.find((p) => p.id === (Array.isArray(raw) ? raw[0] : raw)) : undefined;
  const typeOptions = types.map((t) => ({ id: t.id, name: t.name, active: t.active }));

  return (
    <>
      <div className="page-header">
        <h1>Providers</h1>
        <span className="muted">
          Who sees patients at {clinic.name}, what they offer and when they work. Hours are in {clinic.timezone}.
        </span>
      </div>

      <section className="panel">
        <h2>Providers</h2>
        {providers.length === 0 ? (
          <p className="muted">
            {edit
              ? "No providers yet. Add the first one below, then set their weekly hours so patients can book them."
              : "No providers yet. Ask an owner or admin to add them and their hours."}
          </p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Provider</th>
                <th>Offers</th>
                <th>Weekly hours</th>
                <th>Status</th>
                {edit ? <th aria-label="Actions" /> : null}
              </tr>
            </thead>
            <tbody>
              {providers.map((provider) => {
                const offers = provider.appointmentTypes.map((t) => typeName.get(t.appointmentTypeId)).filter(Boolean);
                const hours = summarizeHours(provider.workingHours);
                return (
                  <tr key={provider.id} className={provider.active ? undefined : "inactive"}>
                    <td>
                      <span className="swatch" style={{ background: provider.color ?? "var(--brand)" }} aria-hidden />
                      {provider.name}
                      {provider.title ? <span className="muted">, {provider.title}</span> : null}
                    </td>
                    <td>{offers.length > 0 ? offers.join(", ") : <span className="muted">Nothing yet</span>}</td>
                    <td>
                      {hours.length > 0 ? (
                        hours.map((line) => <div key={line}>{line}</div>)
                      ) : (
                        <span className="muted">No hours set</span>
                      )}
                    </td>
                    <td>
                      <Badge tone={provider.active ? "success" : "neutral"}>
                        {provider.active ? "Active" : "Inactive"}
                      </Badge>
                    </td>
                    {edit ? (
                      <td className="actions">
                        <Link
                          className="button inline secondary"
                          href={`/settings/providers?provider=${provider.id}`}
                          aria-label={`Edit ${provider.name}`}
                        >
                          Edit
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {edit && editing ? (
        <>
          <section className="panel">
            <h2>Edit {editing.name}</h2>
            <ProviderForm
              key={editing.id}
              types={typeOptions}
              provider={{
                id: editing.id,
                name: editing.name,
                title: editing.title ?? "",
                color: editing.color ?? "#2563eb",
                active: editing.active,
                appointmentTypeIds: editing.appointmentTypes.map((t) => t.appointmentTypeId),
              }}
            />
          </section>
          <section className="panel" id="hours">
            <h2>Weekly hours for {editing.name}</h2>
            <HoursEditor key={editing.id} providerId={editing.id} name={editing.name} hours={editing.workingHours} />
          </section>
        </>
      ) : edit ? (
        <section className="panel">
          <h2>Add a provider</h2>
          <ProviderForm key="new" types={typeOptions} provider={null} />
        </section>
      ) : (
        <p className="muted">To add providers or change their hours, ask an owner or admin of {clinic.name}.</p>
      )}

      <section className="panel">
        <h2>Closures and special hours</h2>
        <p className="muted">
          For holidays, time off or an extra clinic day. A date here replaces the usual weekly hours for that day.
        </p>
        {overrides.length === 0 ? (
          <p className="muted">Nothing planned for the coming year.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Date</th>
                <th>Who</th>
                <th>Hours</th>
                <th>Reason</th>
                {edit ? <th aria-label="Actions" /> : null}
              </tr>
            </thead>
            <tbody>
              {overrides.map((o) => {
                const day = formatDay(overrideDay(o.date));
                const who = o.providerId ? (providerName.get(o.providerId) ?? "A removed provider") : "Whole clinic";
                const hours =
                  o.kind === "closed" || o.startMinute === null || o.endMinute === null
                    ? "Closed"
                    : `Open ${shiftText({ startMinute: o.startMinute, endMinute: o.endMinute })}`;
                return (
                  <tr key={o.id}>
                    <td>{day}</td>
                    <td>{who}</td>
                    <td>{hours}</td>
                    <td>{o.reason ?? "—"}</td>
                    {edit ? (
                      <td className="actions">
                        <RemoveOverride overrideId={o.id} description={`${hours} on ${day} (${who})`} />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {edit ? (
          <>
            <h2>Add a date</h2>
            <AddOverrideForm today={today} providers={providers.map((p) => ({ id: p.id, name: p.name }))} />
          </>
        ) : null}
      </section>
    </>
  );
}
