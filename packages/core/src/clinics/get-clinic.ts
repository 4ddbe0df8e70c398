import type { Role } from "../db";
import type { TenantDb } from "../tenancy";

export const clinicSelect = {
  id: true,
  name: true,
  slug: true,
  timezone: true,
  status: true,
  plan: true,
  phone: true,
  email: true,
  website: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  region: true,
  postalCode: true,
  country: true,
  minNoticeMinutes: true,
  bookingHorizonDays: true,
  reminderLeadMinutes: true,
  createdAt: true,
} as const;

/** The clinic's profile and booking rules, with the caller's role in it. */
export async function getClinic(db: TenantDb, myRole: Role) {
  return { ...(await db.clinic.findFirstOrThrow({ select: clinicSelect })), myRole };
}
