import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import Link from "next/link";
import { caller, requireShell } from "@/trpc/server";
import { ClinicUnavailable, NotAllowed } from "../clinic-unavailable";
import { PatientList } from "./patient-list";

export const metadata: Metadata = { title: "Patients" };
export const dynamic = "force-dynamic";

export default async function PatientsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const shell = await requireShell("/patients");
  if (shell.state !== "ready") return <ClinicUnavailable shell={shell} />;
  const { clinic } = shell;
  if (!can(clinic.myRole, "patients:read")) return <NotAllowed role={clinic.myRole} what="see patients" />;

  const raw = (await searchParams).q;
  const search = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) || undefined;
  const first = await (await caller()).patients.list({ search });

  return (
    <>
      <div className="page-header">
        <h1>Patients</h1>
        <span className="muted">Everyone who has booked with {clinic.name}, by phone or from the schedule.</span>
      </div>

      <form className="panel filters" method="get" action="/patients">
        <div className="field grow">
          <label htmlFor="q">Name or phone</label>
          <input id="q" name="q" type="search" defaultValue={search} placeholder="e.g. Rivera or 555 0100" />
        </div>
        <div className="filter-actions">
          <button className="button inline" type="submit">
            Search
          </button>
          {search ? <Link href="/patients">Show everyone</Link> : null}
        </div>
      </form>

      <section className="panel">
        {first.items.length === 0 ? (
          search ? (
            <p className="muted">
              No patient matches “{search}”. Check the spelling, or search by at least three digits of their phone
              number.
            </p>
          ) : (
            <p className="muted">
              No patients yet. They're added when your receptionist books a caller, or when you book someone on the{" "}
              <Link href="/schedule">schedule</Link>.
            </p>
          )
        ) : (
          <PatientList key={search ?? ""} first={first} search={search} timeZone={clinic.timezone} />
        )}
      </section>
    </>
  );
}
