import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import type { TenantDb } from "../tenancy";
import { clinicSelect } from "./get-clinic";
import { updateClinicInput } from "./schemas";

/** Changes the fields given (profile, booking rules) and records which. */
export async function updateClinic(db: TenantDb, origin: Origin, input: z.input<typeof updateClinicInput>) {
  const data = updateClinicInput.parse(input);
  return db.$transaction(async (tx) => {
    const updated = await tx.clinic.update({ where: { id: db.clinicId }, data, select: clinicSelect });
    await recordAudit(tx, origin, {
      action: "clinic.update",
      targetType: "clinic",
      targetId: db.clinicId,
      metadata: { fields: Object.keys(data) },
    });
    return updated;
  });
}
