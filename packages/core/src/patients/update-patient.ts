import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { updatePatientInput } from "./schemas";
import { patientSelect } from "./select";

export async function updatePatient(db: TenantDb, origin: Origin, raw: z.input<typeof updatePatientInput>) {
  const { patientId, ...data } = updatePatientInput.parse(raw);
  return db.$transaction(async (tx) => {
    if (!(await tx.patient.findUnique({ where: { id: patientId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND", "patient not found");
    }
    const updated = await tx.patient.update({ where: { id: patientId }, data, select: patientSelect });
    await recordAudit(tx, origin, { action: "patient.update", targetType: "patient", targetId: patientId });
    return updated;
  });
}
