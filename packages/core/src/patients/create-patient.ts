import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import type { TenantDb } from "../tenancy";
import { patientInput } from "./schemas";
import { patientSelect } from "./select";

/** Adds a patient, or answers with the one who has this phone (one per number per clinic). */
export async function createPatient(db: TenantDb, origin: Origin, raw: z.input<typeof patientInput>) {
  const data = patientInput.parse(raw);
  const attempt = () =>
    db.$transaction(async (tx) => {
      const patient =
        (await tx.patient.findFirst({ where: { phone: data.phone }, select: patientSelect })) ??
        (await tx.patient.create({ data: { ...data, clinicId: db.clinicId }, select: patientSelect }));
      await recordAudit(tx, origin, { action: "patient.create", targetType: "patient", targetId: patient.id });
      return patient;
    });
  // Two requests for a new caller at once: the loser's transaction is gone, and its second
  // attempt finds the winner's patient.
  return attempt().catch((error: { code?: string }) => (error.code === "P2002" ? attempt() : Promise.reject(error)));
}
