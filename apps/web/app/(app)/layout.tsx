import { can } from "@frontdesk/core/tenancy";
import { Plus } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { ConnectionIndicator } from "@/live/connection-indicator";
import { LiveUpdates } from "@/live/live-updates";
import { type AppRoute, routes } from "@/routes";
import { browserRealtimeConfig } from "@/server/realtime";
import { ClinicSwitcher } from "@/shell/clinic-switcher";
import { loadShell } from "@/shell/load-shell";
import { type NavLink, SidebarNav } from "@/shell/sidebar-nav";
import { UserMenu } from "@/shell/user-menu";
import { HydrateClient } from "@/trpc/server";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const shell = await loadShell();
  // Each page sends signed-out visitors to sign in itself, with its own path as the way back.
  if (shell.state === "signed-out") return children;

  const role = shell.state === "ready" ? shell.clinic.myRole : null;
  const links: NavLink[] = role
    ? (Object.entries(routes) as [NavLink["key"], AppRoute][]).flatMap(([key, route]) =>
        route.section && (route.permission === null || can(role, route.permission))
          ? [{ key, href: route.path, label: route.label, section: route.section }]
          : [],
      )
    : [];

  const page = (
    <div className="flex min-h-screen flex-col lg:flex-row">
      <div className="shrink-0 border-b bg-sidebar lg:w-64 lg:border-r lg:border-b-0">
        <aside className="flex flex-col gap-5 p-4 lg:sticky lg:top-0 lg:h-screen">
          <Link href="/dashboard" prefetch={false} className="px-2 no-underline hover:no-underline">
            <Brand />
          </Link>
          <div className="grid gap-1.5">
            <ClinicSwitcher currentId={shell.state === "ready" ? shell.clinic.id : null} />
            <ConnectionIndicator />
            <Link href="/clinics/new" prefetch={false} className="flex items-center gap-1.5 px-2 text-xs">
              <Plus className="size-3.5" aria-hidden />
              New clinic
            </Link>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto">
            <SidebarNav links={links} />
          </div>
          <UserMenu name={shell.user.name} email={shell.user.email} />
        </aside>
      </div>
      <main className="min-w-0 flex-1 px-4 py-6 sm:px-8 lg:py-8">
        {/* The schedule (data-wide) uses the whole width; everything else reads better narrower. */}
        <div className="mx-auto max-w-6xl has-[[data-wide]]:max-w-none">{children}</div>
      </main>
    </div>
  );
  return (
    <HydrateClient>
      {shell.state === "ready" ? (
        <LiveUpdates clinicId={shell.clinic.id} timezone={shell.clinic.timezone} config={browserRealtimeConfig()}>
          {page}
        </LiveUpdates>
      ) : (
        page
      )}
    </HydrateClient>
  );
}
