import { can } from "@frontdesk/core/tenancy";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { SignOutEverywhereButton } from "@/components/sign-out-everywhere-button";
import { loadShell } from "@/trpc/server";
import { ClinicSwitcher } from "./clinic-switcher";
import { NavLinks } from "./nav-links";

// Everything here depends on the session and the clinic cookie.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const shell = await loadShell();
  // Each page redirects to sign-in itself, with its own path as the way back.
  if (shell.state === "signed-out") return children;

  const role = shell.state === "ready" ? shell.clinic.myRole : null;
  const links = [
    { href: "/dashboard", label: "Dashboard", show: role !== null },
    { href: "/schedule", label: "Schedule", show: role !== null && can(role, "appointments:manage") },
    { href: "/patients", label: "Patients", show: role !== null && can(role, "patients:read") },
    { href: "/sms", label: "SMS", show: role !== null && can(role, "patients:read") },
    { href: "/settings/team", label: "Team", show: role !== null && can(role, "team:read") },
    { href: "/settings/providers", label: "Providers", show: role !== null && can(role, "appointments:manage") },
    {
      href: "/settings/appointment-types",
      label: "Appointment types",
      show: role !== null && can(role, "appointments:manage"),
    },
    { href: "/settings/api-keys", label: "API keys", show: role !== null && can(role, "apiKeys:manage") },
    { href: "/settings/twilio", label: "Twilio", show: role !== null && can(role, "credentials:manage") },
    { href: "/settings/audit", label: "Audit log", show: role !== null && can(role, "audit:read") },
    { href: "/settings/clinic", label: "Clinic settings", show: role !== null && can(role, "clinic:update") },
  ]
    .filter((link) => link.show)
    .map(({ href, label }) => ({ href, label }));

  return (
    <>
      <header className="appbar">
        <div className="appbar-inner">
          <Link href="/dashboard" className="brand">
            Frontdesk
          </Link>
          {shell.clinics.length > 0 ? (
            <ClinicSwitcher
              clinics={shell.clinics.map(({ id, name, status }) => ({ id, name, suspended: status === "suspended" }))}
              currentId={shell.state === "ready" ? shell.clinic.id : null}
            />
          ) : null}
          <Link href="/clinics/new" className="appbar-new">
            + New clinic
          </Link>
          <NavLinks links={links} />
          <span className="appbar-user">
            <span className="muted">{shell.user.email}</span>
            <SignOutButton />
            <SignOutEverywhereButton />
          </span>
        </div>
      </header>
      <main className="shell">{children}</main>
    </>
  );
}
