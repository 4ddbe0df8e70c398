import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import type { TenantDb } from "../tenancy";
import { clinicSelect } from "./get-clinic";
import { updateClinicInput } from "./schemas";

/** Changes the fields given (profile, booking rules) and records which. */
export async function updateClinic(db: TenantDb, origin: Origin, input: z.input<typeof updateClinicInput>) {
  const data = updateClinicInput.parse(input);
  return db.$transaction(async (tx) => {
    const updated = await tx.organization.update({ where: { id: db.orgId }, data, select: clinicSelect });
    await recordAudit(tx, origin, {
      action: "clinic.update",
      targetType: "organization",
      targetId: db.orgId,
      metadata: { fields: Object.keys(data) },
    });
    return updated;
  });
}
