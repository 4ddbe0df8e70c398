// Patients at the edges: what staff and callers give us, and the row procedures return.
// Client-safe (zod only), so the web app's forms validate with the same rules.
import { z } from "zod";
import { calendarDay } from "../time/schemas";

/**
 * E.164 from what a caller says or staff type: "(415) 555-0100", "415.555.0100",
 * "+44 20 7946 0958", "001 415 555 0100". Numbers without a country code are read as the
 * clinic's country (North American numbering by default).
 */
export function normalizePhone(raw: string, defaultCountryCode = "1"): string | null {
  const trimmed = raw.trim();
  let digits = trimmed.replace(/[^\d]/g, "");
  if (trimmed.startsWith("+")) return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : null;
  if (digits.startsWith("00")) digits = digits.slice(2);
  else if (defaultCountryCode === "1") {
    // North American numbers are ten digits, optionally led by the country code.
    if (digits.length === 10) digits = `1${digits}`;
    else if (!(digits.length === 11 && digits.startsWith("1"))) return null;
  } else if (digits.startsWith("0")) digits = `${defaultCountryCode}${digits.slice(1)}`;
  else digits = `${defaultCountryCode}${digits}`;
  return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : null;
}

export const phoneSchema = z
  .string()
  .max(40, "enter a phone number of at most 40 characters")
  .transform((raw, ctx) => {
    const phone = normalizePhone(raw);
    if (!phone) {
      ctx.addIssue({
        code: "custom",
        message: "enter a phone number with area code, e.g. (415) 555-0100 or +44 20 7946 0958",
      });
      return z.NEVER;
    }
    return phone;
  });

export const patientInput = z.object({
  firstName: z.string().trim().min(1, "enter the patient's first name").max(100),
  lastName: z.string().trim().min(1, "enter the patient's last name").max(100),
  phone: phoneSchema,
  email: z.email().max(254).nullish(),
  dateOfBirth: calendarDay.nullish(),
});

/** Only the fields given change. */
export const updatePatientInput = patientInput
  .partial()
  .extend({ patientId: z.uuid(), notes: z.string().max(5000).nullish() });

export const patientIdInput = z.object({ patientId: z.uuid() });

export const listPatientsInput = z.object({
  search: z.string().trim().max(100).optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const patientRow = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  dateOfBirth: z.date().nullable(),
  notes: z.string().nullable(),
  createdAt: z.date(),
});

export const patientPage = z.object({ items: z.array(patientRow), nextCursor: z.string().optional() });
