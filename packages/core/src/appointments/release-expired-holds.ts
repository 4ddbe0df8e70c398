import type { TenantDb } from "../tenancy";

/** Marks holds past their expiry as released, in every clinic (availability already ignores them). */
export const releaseExpiredHoldsEverywhere = (db: { $executeRaw: TenantDb["$executeRaw"] }, now = new Date()) =>
  db.$executeRaw`UPDATE appointments SET status = 'cancelled', "cancelledAt" = ${now}, "cancelReason" = 'hold expired', "updatedAt" = ${now}
    WHERE status = 'held' AND "holdExpiresAt" <= ${now}`;
