import type { TenantDb } from "../tenancy";

/** What may leave the server about a number: no Twilio or Vapi ids, no credential. */
export const phoneNumberSelect = {
  id: true,
  e164: true,
  label: true,
  source: true,
  status: true,
  syncError: true,
  assistant: { select: { id: true, name: true } },
  createdAt: true,
  updatedAt: true,
} as const;

/** The clinic's numbers, released ones excluded (they are on their way out). */
export const listPhoneNumbers = (db: TenantDb) =>
  db.phoneNumber.findMany({
    where: { status: { not: "released" } },
    select: phoneNumberSelect,
    orderBy: { createdAt: "asc" },
  });
