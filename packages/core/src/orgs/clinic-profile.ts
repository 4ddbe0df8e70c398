import { z } from "zod";
import { clinicNameSchema, timezoneSchema } from "../accounts/schemas";
import type { TenantDb } from "../tenancy";

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `enter the ${what} as a whole number` })
    .int(`enter the ${what} as a whole number`)
    .min(min, `the ${what} must be at least ${min}`)
    .max(max, `the ${what} must be at most ${max}`);

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, "use international format, e.g. +14155550123");

export const updateClinicInput = z
  .object({
    name: clinicNameSchema,
    timezone: timezoneSchema,
    phone: e164.nullable(),
    email: z.email().nullable(),
    website: z.url().nullable(),
    addressLine1: z.string().max(200).nullable(),
    addressLine2: z.string().max(200).nullable(),
    city: z.string().max(100).nullable(),
    region: z.string().max(100).nullable(),
    postalCode: z.string().max(20).nullable(),
    country: z.string().length(2, "use a two-letter country code, e.g. US").nullable(),
    minNoticeMinutes: wholeNumber("minimum notice (minutes)", 0, 60 * 24 * 14),
    bookingHorizonDays: wholeNumber("booking horizon (days)", 1, 365),
    reminderLeadMinutes: wholeNumber("reminder lead time (minutes)", 15, 60 * 24 * 7),
  })
  .partial();

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
