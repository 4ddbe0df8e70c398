"use client";

import {
  Bot,
  Building2,
  CalendarDays,
  ChartColumn,
  ClipboardList,
  KeyRound,
  LayoutDashboard,
  type LucideIcon,
  MessageSquareText,
  Phone,
  PhoneCall,
  PhoneIncoming,
  ScrollText,
  Stethoscope,
  Users,
  UsersRound,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import type { routes } from "@/routes";

export type NavLink = { key: keyof typeof routes; href: string; label: string; section: "clinic" | "settings" };

const icons: Record<NavLink["key"], LucideIcon> = {
  dashboard: LayoutDashboard,
  calls: PhoneCall,
  call: PhoneCall,
  analytics: ChartColumn,
  schedule: CalendarDays,
  patients: Users,
  patient: Users,
  sms: MessageSquareText,
  team: UsersRound,
  providers: Stethoscope,
  appointmentTypes: ClipboardList,
  assistants: Bot,
  apiKeys: KeyRound,
  phoneNumbers: PhoneIncoming,
  twilio: Phone,
  audit: ScrollText,
  clinicSettings: Building2,
};

const sections = [
  { key: "clinic", title: null },
  { key: "settings", title: "Settings" },
] as const;

/** The routes this member may open, grouped; the current one (or its parent) is marked. */
export function SidebarNav({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="grid gap-5">
      {sections.map((section) => {
        const mine = links.filter((link) => link.section === section.key);
        if (mine.length === 0) return null;
        return (
          <div key={section.key} className="grid gap-0.5">
            {section.title ? (
              <p className="px-2 pb-1 font-medium text-muted-foreground text-xs uppercase tracking-wide">
                {section.title}
              </p>
            ) : null}
            {mine.map((link) => {
              // A patient's own page still belongs under "Patients".
              const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
              const Icon = icons[link.key];
              return (
                <Link
                  key={link.href}
                  href={link.href}
                  // Every signed-in page is rendered per request: prefetching eleven of them on each
                  // page view would cost the server more than a click's wait saves.
                  prefetch={false}
                  aria-current={current ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-2.5 rounded-md px-2 py-1.5 text-foreground/80 text-sm no-underline hover:bg-accent hover:text-accent-foreground hover:no-underline",
                    current && "bg-accent font-medium text-accent-foreground",
                  )}
                >
                  <Icon className="size-4 shrink-0 opacity-70" aria-hidden />
                  {link.label}
                </Link>
              );
            })}
          </div>
        );
      })}
    </nav>
  );
}
