import type { TenantDb } from "../tenancy";

/** What may leave the server about a credential: which account, never the secret. */
export const credentialSelect = {
  id: true,
  kind: true,
  label: true,
  publicData: true,
  keyId: true,
  createdAt: true,
  updatedAt: true,
} as const;

export const listCredentials = (db: TenantDb) =>
  db.credential.findMany({ select: credentialSelect, orderBy: { createdAt: "asc" } });
