import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { patientIdInput } from "./schemas";
import { patientSelect } from "./select";

/** One patient's record. Reading it is a PHI access, so it is audited like a change. */
export async function getPatient(db: TenantDb, origin: Origin, raw: z.input<typeof patientIdInput>) {
  const { patientId } = patientIdInput.parse(raw);
  return db.$transaction(async (tx) => {
    const patient = await tx.patient.findUnique({ where: { id: patientId }, select: patientSelect });
    if (!patient) throw new AppError("NOT_FOUND", "patient not found");
    await recordAudit(tx, origin, { action: "patient.view", targetType: "patient", targetId: patientId });
    return patient;
  });
}
