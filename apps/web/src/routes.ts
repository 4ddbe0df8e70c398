// Every signed-in page, once: the navigation, each page's guard (clinicPage) and the e2e
// "every page renders" spec all read this table. Nothing here may import server code: the
// sidebar (a client component) and Playwright import it too.
import type { Permission } from "@frontdesk/core/tenancy";

export type AppRoute = {
  /** With `[param]` segments for dynamic pages. */
  path: `/${string}`;
  /** In the navigation. */
  label: string;
  /** The page's heading and browser title, where it says more than the label. */
  title?: string;
  /** What the member's role must allow; null: any member of the clinic. */
  permission: Permission | null;
  /** Where the navigation lists it; pages reached from another page have none. */
  section?: "clinic" | "settings";
};

export const routes = {
  dashboard: { path: "/dashboard", label: "Dashboard", permission: null, section: "clinic" },
  calls: { path: "/calls", label: "Calls", permission: "calls:read", section: "clinic" },
  call: { path: "/calls/[id]", label: "Call", permission: "calls:read" },
  // What the receptionist did over a period: call figures, and cost, which every member may see.
  analytics: { path: "/analytics", label: "Analytics", permission: "calls:read", section: "clinic" },
  schedule: { path: "/schedule", label: "Schedule", permission: "appointments:manage", section: "clinic" },
  patients: { path: "/patients", label: "Patients", permission: "patients:read", section: "clinic" },
  patient: { path: "/patients/[id]", label: "Patient", permission: "patients:read" },
  sms: { path: "/sms", label: "SMS", title: "SMS log", permission: "patients:read", section: "clinic" },
  team: { path: "/settings/team", label: "Team", permission: "team:read", section: "settings" },
  providers: {
    path: "/settings/providers",
    label: "Providers",
    permission: "appointments:manage",
    section: "settings",
  },
  appointmentTypes: {
    path: "/settings/appointment-types",
    label: "Appointment types",
    permission: "appointments:manage",
    section: "settings",
  },
  assistants: {
    path: "/settings/assistants",
    label: "Receptionist",
    title: "AI receptionist",
    permission: "agent:read",
    section: "settings",
  },
  apiKeys: { path: "/settings/api-keys", label: "API keys", permission: "apiKeys:manage", section: "settings" },
  phoneNumbers: {
    path: "/settings/phone-numbers",
    label: "Phone numbers",
    permission: "numbers:read",
    section: "settings",
  },
  twilio: {
    path: "/settings/twilio",
    label: "Twilio",
    title: "Twilio account",
    permission: "credentials:manage",
    section: "settings",
  },
  audit: { path: "/settings/audit", label: "Audit log", permission: "audit:read", section: "settings" },
  clinicSettings: {
    path: "/settings/clinic",
    label: "Clinic settings",
    permission: "clinic:update",
    section: "settings",
  },
} as const satisfies Record<string, AppRoute>;

export const titleOf = (route: AppRoute) => route.title ?? route.label;

/** The route's path with its `[param]` segments filled in. */
export const hrefOf = (route: AppRoute, params: Record<string, string> = {}) =>
  route.path.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
