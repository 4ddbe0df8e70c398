import type { z } from "zod";
import type { TenantDb } from "../tenancy";
import { patientInput } from "./schemas";
import { patientSelect } from "./select";

/** One patient per phone number per clinic: a returning caller is found, not duplicated. */
export async function findOrCreatePatient(
  db: Pick<TenantDb, "patient"> & { clinicId: string },
  raw: z.input<typeof patientInput>,
) {
  const data = patientInput.parse(raw);
  const existing = await db.patient.findFirst({ where: { phone: data.phone }, select: patientSelect });
  if (existing) return existing;
  try {
    return await db.patient.create({ data: { ...data, clinicId: db.clinicId }, select: patientSelect });
  } catch (error) {
    // Two bookings for a new caller at once: the other one created them first.
    const again = await db.patient.findFirst({ where: { phone: data.phone }, select: patientSelect });
    if (again) return again;
    throw error;
  }
}
