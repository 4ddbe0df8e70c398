import type { TenantDb } from "../tenancy";
import { providerSelect } from "./select";

export const listProviders = (db: TenantDb) =>
  db.provider.findMany({ select: providerSelect, orderBy: { name: "asc" } });
