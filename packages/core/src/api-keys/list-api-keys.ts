import type { TenantDb } from "../tenancy";

export const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

export const listApiKeys = (db: TenantDb) =>
  db.apiKey.findMany({ select: apiKeySelect, orderBy: { createdAt: "desc" } });
