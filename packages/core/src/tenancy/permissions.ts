// Who may do what in a clinic. This table is the permission matrix; docs/permissions.md is
// generated from it and a test keeps the two identical.

import { AppError } from "../errors";
import { Role } from "../generated/prisma/enums";

export const permissions = {
  "calls:read": { roles: ["owner", "admin", "staff"], what: "see calls, transcripts and recordings" },
  "patients:read": { roles: ["owner", "admin", "staff"], what: "see patients" },
  "appointments:manage": { roles: ["owner", "admin", "staff"], what: "book, move and cancel appointments" },
  "team:read": { roles: ["owner", "admin", "staff"], what: "see the clinic's members" },
  "clinic:update": { roles: ["owner", "admin"], what: "edit the clinic profile and booking rules" },
  "agent:manage": { roles: ["owner", "admin"], what: "configure the AI receptionist" },
  "numbers:manage": { roles: ["owner", "admin"], what: "connect and release phone numbers" },
  "team:manage": { roles: ["owner", "admin"], what: "invite, re-role and remove members" },
  "credentials:manage": { roles: ["owner", "admin"], what: "store Twilio and Google credentials" },
  "apiKeys:manage": { roles: ["owner", "admin"], what: "create and revoke developer API keys" },
  "audit:read": { roles: ["owner", "admin"], what: "browse the audit log" },
  "owners:manage": { roles: ["owner"], what: "make or unmake owners" },
  "clinic:delete": { roles: ["owner"], what: "delete the clinic" },
} as const satisfies Record<string, { roles: readonly Role[]; what: string }>;

export type Permission = keyof typeof permissions;

export const can = (role: Role, permission: Permission) =>
  (permissions[permission].roles as readonly Role[]).includes(role);

export function assertCan(role: Role, permission: Permission) {
  if (!can(role, permission)) {
    throw new AppError(
      "FORBIDDEN",
      `your role (${role}) cannot ${permissions[permission].what}; ask an owner or admin`,
    );
  }
}

/** The matrix as a markdown table (docs/permissions.md). */
export function permissionMatrixMarkdown() {
  const roles = Object.values(Role);
  const lines = [
    "| permission | what it allows | owner | admin | staff |",
    "| --- | --- | :-: | :-: | :-: |",
    ...Object.entries(permissions).map(
      ([name, p]) =>
        `| \`${name}\` | ${p.what} | ${roles.map((r) => ((p.roles as readonly Role[]).includes(r) ? "✓" : "")).join(" | ")} |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
