import type { Role } from "@/trpc/types";

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  staff: "Staff",
};

export const isRole = (value: string): value is Role => Object.hasOwn(roleLabels, value);

/** For roles that arrive as plain strings (e.g. an invitation's). */
export const roleLabel = (role: string) => (roleLabels as Record<string, string | undefined>)[role] ?? role;

const roleHints: Record<Role, string> = {
  owner: "everything, including billing, owners and deleting the clinic",
  admin: "settings, team, numbers and API keys",
  staff: "calls, patients and appointments",
};

/** <option>s for the roles a person may assign, each with what it allows. */
export function RoleOptions({ roles, describe = false }: { roles: readonly Role[]; describe?: boolean }) {
  return roles.map((role) => (
    <option key={role} value={role}>
      {describe ? `${roleLabels[role]} — ${roleHints[role]}` : roleLabels[role]}
    </option>
  ));
}
