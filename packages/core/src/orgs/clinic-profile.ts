import type { z } from "zod";
import { updateClinicInput } from "../clinics/schemas";
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

export const getClinic = (db: TenantDb) => db.organization.findFirstOrThrow({ select: clinicSelect });

export const updateClinic = (db: TenantDb, input: z.input<typeof updateClinicInput>) =>
  db.organization.update({ where: { id: db.orgId }, data: updateClinicInput.parse(input), select: clinicSelect });

/** Soft delete: the clinic disappears for everyone; data stays for the retention period. */
export const deleteClinic = (db: TenantDb) =>
  db.organization.update({
    where: { id: db.orgId },
    data: { status: "deleted", deletedAt: new Date() },
    select: { id: true },
  });
