import type { TenantDb } from "../tenancy";

export const memberSelect = {
  id: true,
  userId: true,
  role: true,
  createdAt: true,
  user: { select: { name: true, email: true } },
} as const;

export const listMembers = (db: TenantDb) =>
  db.membership.findMany({ select: memberSelect, orderBy: { createdAt: "asc" } });
