import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "@/server/auth";
import { rootDb } from "@/server/services";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) redirect("/sign-in?callbackUrl=/dashboard");

  const db = rootDb();
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { org: { select: { id: true, name: true, timezone: true } } },
    orderBy: { createdAt: "asc" },
  });
  const clinic = memberships[0]?.org;
  if (!clinic) {
    return (
      <main className="shell">
        <div className="empty">
          <h2>You're not part of a clinic yet</h2>
          <p className="muted">Ask your clinic's owner to invite you, then open the link in the email.</p>
        </div>
      </main>
    );
  }

  const [providers, appointmentTypes, phoneNumbers, calls] = await Promise.all([
    db.provider.count({ where: { orgId: clinic.id, active: true } }),
    db.appointmentType.count({ where: { orgId: clinic.id, active: true } }),
    db.phoneNumber.findMany({ where: { orgId: clinic.id }, select: { e164: true, label: true } }),
    db.call.count({ where: { orgId: clinic.id } }),
  ]);

  return (
    <main className="shell">
      <header className="topbar">
        <div>
          <h1 style={{ margin: 0 }}>{clinic.name}</h1>
          <span className="muted">Times shown in {clinic.timezone}</span>
        </div>
        <a href="/api/auth/signout">Sign out</a>
      </header>
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
    </main>
  );
}
