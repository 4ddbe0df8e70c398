import type { Role } from "@/trpc/types";

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  staff: "Staff",
};

const roleHints: Record<Role, string> = {
  owner: "everything, including billing, owners and deleting the clinic",
  admin: "settings, team, numbers and API keys",
  staff: "calls, patients and appointments",
};

/** [value, label] pairs for the roles a person may assign, each with what it allows if `describe`. */
export const roleOptions = (roles: readonly Role[], describe = false) =>
  roles.map((role) => [role, describe ? `${roleLabels[role]} — ${roleHints[role]}` : roleLabels[role]] as const);
