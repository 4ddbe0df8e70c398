import type { Metadata } from "next";
import { BarChart } from "@/components/bar-chart";
import { addDays, formatDay, localDay, todayIn } from "@/components/clinic-time";
import { services } from "@/server/services";
import { caller, requireShell } from "@/trpc/server";
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
  const today = todayIn(clinic.timezone);
  const days = Array.from({ length: 14 }, (_, i) => addDays(today, i));
  const [providers, appointmentTypes, phoneNumbers, calls, upcoming] = await Promise.all([
    db.provider.count({ where: { active: true } }),
    db.appointmentType.count({ where: { active: true } }),
    db.phoneNumber.findMany({ select: { e164: true, label: true } }),
    db.call.count(),
    (await caller()).appointments
      .list({ from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 15 * 86_400_000) })
      .catch(() => null), // a role without appointments:manage simply doesn't get the chart
  ]);
  const perDay = new Map<string, number>();
  for (const appointment of upcoming ?? []) {
    if (appointment.status !== "booked") continue;
    const day = localDay(appointment.startsAt, clinic.timezone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }

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
      {upcoming ? (
        <BarChart
          caption={`Booked appointments, the next 14 days (${[...perDay.values()].reduce((a, b) => a + b, 0)} in all)`}
          unit="appointments"
          bars={days.map((day) => ({
            label: formatDay(day, "weekday").replace(/,.* (\d+)$/, " $1"),
            value: perDay.get(day) ?? 0,
            title: formatDay(day),
          }))}
        />
      ) : null}
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
