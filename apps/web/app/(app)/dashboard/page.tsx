import type { Metadata } from "next";
import { services } from "@/server/services";
import { requireShell } from "@/trpc/server";
import { ClinicUnavailable } from "../clinic-unavailable";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const shell = await requireShell("/dashboard");
  if (shell.state !== "ready") return <ClinicUnavailable shell={shell} />;
  const { clinic } = shell;

  // No procedures for providers, numbers or calls yet; the tenant client keeps these counts to
  // the clinic the server resolved (membership checked by clinic.get).
  const db = services().tenants.forTenant(clinic.id);
  const [providers, appointmentTypes, phoneNumbers, calls] = await Promise.all([
    db.provider.count({ where: { active: true } }),
    db.appointmentType.count({ where: { active: true } }),
    db.phoneNumber.findMany({ select: { e164: true, label: true } }),
    db.call.count(),
  ]);

  return (
    <>
      <div className="page-header">
        <h1>{clinic.name}</h1>
        <span className="muted">Times shown in {clinic.timezone}</span>
      </div>
      <section className="grid">
        <div className="stat">
          <span className="muted">Providers</span>
          <strong>{providers}</strong>
        </div>
        <div className="stat">
          <span className="muted">Appointment types</span>
          <strong>{appointmentTypes}</strong>
        </div>
        <div className="stat">
          <span className="muted">Phone numbers</span>
          <strong>{phoneNumbers.length}</strong>
          <span className="muted">{phoneNumbers.map((n) => n.e164).join(", ") || "none yet"}</span>
        </div>
        <div className="stat">
          <span className="muted">Calls</span>
          <strong>{calls}</strong>
        </div>
      </section>
      {calls === 0 ? (
        <div className="empty">
          <h2>No calls yet</h2>
          <p className="muted">
            Call {phoneNumbers[0]?.e164 ?? "your clinic's number"} to talk to your receptionist; the call, its
            transcript and any booking will show up here.
          </p>
        </div>
      ) : null}
    </>
  );
}
