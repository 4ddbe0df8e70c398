// Client-safe: zod and Prisma's generated enums only, so the web app's forms can use them.
import { z } from "zod";
import { ClinicStatus, Plan } from "../generated/prisma/enums";
import { roleSchema } from "../tenancy/schemas";

export const clinicNameSchema = z.string().trim().min(2, "enter the clinic's name").max(120);

export const timezoneSchema = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return tz.includes("/") || tz === "UTC";
    } catch {
      return false;
    }
  }, "choose a timezone like America/New_York");

export const clinicStatusSchema = z.enum(ClinicStatus);

export const createClinicInput = z.object({ name: clinicNameSchema, timezone: timezoneSchema });

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `enter the ${what} as a whole number` })
    .int(`enter the ${what} as a whole number`)
    .min(min, `the ${what} must be at least ${min}`)
    .max(max, `the ${what} must be at most ${max}`);

const e164 = z
  .string()
  .max(16)
  .regex(/^\+[1-9]\d{6,14}$/, "use international format, e.g. +14155550123");

export const updateClinicInput = z
  .object({
    name: clinicNameSchema,
    timezone: timezoneSchema,
    phone: e164.nullable(),
    email: z.email().max(254).nullable(),
    website: z.url().max(2048).nullable(),
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

/** Deleting takes the clinic's name, typed out, as confirmation. */
export const deleteClinicInput = z.object({ confirmName: z.string().max(200) });

export const clinicSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  timezone: z.string(),
  status: clinicStatusSchema,
  plan: z.enum(Plan),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
  minNoticeMinutes: z.number(),
  bookingHorizonDays: z.number(),
  reminderLeadMinutes: z.number(),
  createdAt: z.date(),
});

/** The clinic as the caller sees it, with their role in it. */
export const myClinicSchema = clinicSchema.extend({ myRole: roleSchema });

/** One entry of the clinic switcher: a clinic the user belongs to. */
export const clinicSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  status: clinicStatusSchema,
  role: roleSchema,
});

export const clinicOverviewSchema = z.object({
  providers: z.number(),
  appointmentTypes: z.number(),
  phoneNumbers: z.array(z.object({ e164: z.string(), label: z.string().nullable() })),
  calls: z.number(),
});
