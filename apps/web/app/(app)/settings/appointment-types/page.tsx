import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { caller, requireShell } from "@/trpc/server";
import { ClinicUnavailable, NotAllowed } from "../../clinic-unavailable";
import { AppointmentTypeForm } from "./appointment-type-form";

export const metadata: Metadata = { title: "Appointment types" };
export const dynamic = "force-dynamic";

const minutes = (n: number) => (n === 0 ? "—" : `${n} min`);

export default async function AppointmentTypesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const shell = await requireShell("/settings/appointment-types");
  if (shell.state !== "ready") return <ClinicUnavailable shell={shell} />;
  const { clinic } = shell;
  if (!can(clinic.myRole, "appointments:manage")) {
    return <NotAllowed role={clinic.myRole} what="see appointment types" />;
  }
  const edit = can(clinic.myRole, "clinic:update");

  const api = await caller();
  const [types, providers] = await Promise.all([api.appointmentTypes.list(), api.providers.list()]);
  const providerName = new Map(providers.map((p) => [p.id, p.name]));
  const raw = (await searchParams).type;
  const editing = edit ? types.find((t) => t.id === (Array.isArray(raw) ? raw[0] : raw)) : undefined;

  return (
    <>
      <div className="page-header">
        <h1>Appointment types</h1>
        <span className="muted">What patients can book at {clinic.name}, and how long each visit takes.</span>
      </div>

      <section className="panel">
        <h2>Types</h2>
        {types.length === 0 ? (
          <p className="muted">
            {edit
              ? "No appointment types yet. Add one below, then choose which providers offer it on the Providers page."
              : "No appointment types yet. Ask an owner or admin to add the visits your clinic offers."}
          </p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Length</th>
                <th>Buffer before</th>
                <th>Buffer after</th>
                <th>Offered by</th>
                <th>Status</th>
                {edit ? <th aria-label="Actions" /> : null}
              </tr>
            </thead>
            <tbody>
              {types.map((type) => {
                const offeredBy = type.providers.map((p) => providerName.get(p.providerId)).filter(Boolean);
                return (
                  <tr key={type.id} className={type.active ? undefined : "inactive"}>
                    <td>
                      {type.name}
                      {type.description ? <div className="muted small">{type.description}</div> : null}
                    </td>
                    <td>{type.durationMinutes} min</td>
                    <td>{minutes(type.bufferBeforeMinutes)}</td>
                    <td>{minutes(type.bufferAfterMinutes)}</td>
                    <td>
                      {offeredBy.length > 0 ? (
                        offeredBy.join(", ")
                      ) : (
                        <span className="muted">
                          Nobody yet
                          {edit ? (
                            <>
                              {" "}
                              — tick it on <Link href="/settings/providers">Providers</Link>
                            </>
                          ) : null}
                        </span>
                      )}
                    </td>
                    <td>
                      <Badge tone={type.active ? "success" : "neutral"}>{type.active ? "Active" : "Inactive"}</Badge>
                    </td>
                    {edit ? (
                      <td className="actions">
                        <Link
                          className="button inline secondary"
                          href={`/settings/appointment-types?type=${type.id}`}
                          aria-label={`Edit ${type.name}`}
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

      {edit ? (
        <section className="panel" id="type-form">
          <h2>{editing ? `Edit ${editing.name}` : "Add an appointment type"}</h2>
          <AppointmentTypeForm
            key={editing?.id ?? "new"}
            type={
              editing
                ? {
                    id: editing.id,
                    name: editing.name,
                    description: editing.description ?? "",
                    durationMinutes: editing.durationMinutes,
                    bufferBeforeMinutes: editing.bufferBeforeMinutes,
                    bufferAfterMinutes: editing.bufferAfterMinutes,
                    active: editing.active,
                  }
                : null
            }
          />
        </section>
      ) : (
        <p className="muted">To add or change appointment types, ask an owner or admin of {clinic.name}.</p>
      )}
    </>
  );
}
