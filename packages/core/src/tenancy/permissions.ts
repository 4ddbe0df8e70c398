// Who may do what in a clinic. This table is the permission matrix; docs/permissions.md is
// generated from it and a test keeps the two identical.

import { AppError } from "../errors";
import { Role } from "../generated/prisma/enums";

export const permissions = {
  "calls:read": { roles: ["owner", "admin", "staff"], apiKeys: true, what: "see calls, transcripts and recordings" },
  "patients:read": { roles: ["owner", "admin", "staff"], apiKeys: true, what: "see patients" },
  "appointments:manage": {
    roles: ["owner", "admin", "staff"],
    apiKeys: true,
    what: "book, move and cancel appointments",
  },
  "team:read": { roles: ["owner", "admin", "staff"], what: "see the clinic's members" },
  "clinic:update": { roles: ["owner", "admin"], what: "edit the clinic profile and booking rules" },
  "agent:read": {
    roles: ["owner", "admin", "staff"],
    what: "see the AI receptionist's assistants and their sync state",
  },
  "agent:manage": { roles: ["owner", "admin"], what: "configure the AI receptionist" },
  "numbers:read": { roles: ["owner", "admin", "staff"], what: "see the clinic's phone numbers" },
  "numbers:manage": { roles: ["owner", "admin"], what: "connect and release phone numbers" },
  "numbers:testCall": { roles: ["owner", "admin", "staff"], what: "have the assistant call their own phone" },
  "team:manage": { roles: ["owner", "admin"], what: "invite, re-role and remove members" },
  "credentials:manage": { roles: ["owner", "admin"], what: "store Twilio and Google credentials" },
  "apiKeys:manage": { roles: ["owner", "admin"], what: "create and revoke developer API keys" },
  "audit:read": { roles: ["owner", "admin"], what: "browse the audit log" },
  "owners:manage": { roles: ["owner"], what: "make or unmake owners" },
  "clinic:delete": { roles: ["owner"], what: "delete the clinic" },
} as const satisfies Record<string, { roles: readonly Role[]; apiKeys?: true; what: string }>;

export type Permission = keyof typeof permissions;

/** What a member with `role` may do. */
export const can = (role: Role, permission: Permission) =>
  (permissions[permission].roles as readonly Role[]).includes(role);

/**
 * Whether an API key may use a permission at all, whatever its role. Keys do integration work
 * (scheduling, patients, calls); managing keys, people, credentials or the clinic stays with
 * signed-in members, so a leaked key cannot mint its successor or invite its holder in.
 */
export const keyCan = (permission: Permission) => "apiKeys" in permissions[permission];

/** Refuses unless the actor's role allows `permission` and, for an API key, keys may use it. */
export function assertCan(who: { actor: { type: string }; role: Role }, permission: Permission) {
  const { what } = permissions[permission];
  if (who.actor.type === "api_key" && !keyCan(permission)) {
    throw new AppError("FORBIDDEN", `API keys cannot ${what}; a signed-in member has to`);
  }
  if (!can(who.role, permission)) {
    throw new AppError("FORBIDDEN", `your role (${who.role}) cannot ${what}; ask an owner or admin`);
  }
}

/** The matrix as a markdown table (docs/permissions.md). */
export function permissionMatrixMarkdown() {
  const roles = Object.values(Role);
  const lines = [
    "| permission | what it allows | owner | admin | staff | API key |",
    "| --- | --- | :-: | :-: | :-: | :-: |",
    ...Object.entries(permissions).map(
      ([name, p]) =>
        `| \`${name}\` | ${p.what} | ${roles.map((r) => ((p.roles as readonly Role[]).includes(r) ? "✓" : "")).join(" | ")} | ${keyCan(name as Permission) ? "✓" : ""} |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
