import { z } from "zod";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";

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

export const phoneSchema = z.string().transform((raw, ctx) => {
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
  email: z.email().nullish(),
  dateOfBirth: z.coerce.date().nullish(),
});

export const patientSelect = {
  id: true,
  firstName: true,
  lastName: true,
  phone: true,
  email: true,
  dateOfBirth: true,
  notes: true,
  createdAt: true,
} as const;

/** One patient per phone number per clinic: a returning caller is found, not duplicated. */
export async function findOrCreatePatient(
  db: Pick<TenantDb, "patient"> & { orgId: string },
  raw: z.input<typeof patientInput>,
) {
  const data = patientInput.parse(raw);
  const existing = await db.patient.findFirst({ where: { phone: data.phone }, select: patientSelect });
  if (existing) return existing;
  try {
    return await db.patient.create({ data: { ...data, orgId: db.orgId }, select: patientSelect });
  } catch (error) {
    // Two bookings for a new caller at once: the other one created them first.
    const again = await db.patient.findFirst({ where: { phone: data.phone }, select: patientSelect });
    if (again) return again;
    throw error;
  }
}

export async function getPatient(db: TenantDb, id: string) {
  const patient = await db.patient.findUnique({ where: { id }, select: patientSelect });
  if (!patient) throw new AppError("NOT_FOUND", "patient not found");
  return patient;
}

export const listPatientsInput = z.object({
  search: z.string().trim().max(100).optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** By name or phone (digits match anywhere in the number), alphabetical, keyset-paginated. */
export async function listPatients(db: TenantDb, raw: z.input<typeof listPatientsInput>) {
  const { search, cursor, limit } = listPatientsInput.parse(raw);
  const digits = search?.replace(/\D/g, "") ?? "";
  const where = search
    ? {
        OR: [
          { firstName: { contains: search, mode: "insensitive" as const } },
          { lastName: { contains: search, mode: "insensitive" as const } },
          ...(digits.length >= 3 ? [{ phone: { contains: digits } }] : []),
        ],
      }
    : {};
  const rows = await db.patient.findMany({
    where,
    select: patientSelect,
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? rows[limit - 1]?.id : undefined };
}

export const updatePatientInput = patientInput.partial().extend({ notes: z.string().max(5000).nullish() });

export async function updatePatient(db: TenantDb, id: string, raw: z.input<typeof updatePatientInput>) {
  const data = updatePatientInput.parse(raw);
  return db.patient.update({ where: { id }, data, select: patientSelect });
}
