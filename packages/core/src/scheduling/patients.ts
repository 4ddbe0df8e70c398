import type { z } from "zod";
import { AppError } from "../errors";
import { listPatientsInput, patientInput, updatePatientInput } from "../patients/schemas";
import type { TenantDb } from "../tenancy";

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

export async function updatePatient(
  db: TenantDb,
  id: string,
  raw: Omit<z.input<typeof updatePatientInput>, "patientId">,
) {
  const data = updatePatientInput.omit({ patientId: true }).parse(raw);
  return db.patient.update({ where: { id }, data, select: patientSelect });
}
