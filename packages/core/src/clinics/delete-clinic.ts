import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { deleteClinicInput } from "./schemas";

/**
 * Soft delete, confirmed by typing the clinic's name: the clinic disappears for everyone; data
 * stays for the retention period.
 */
export async function deleteClinic(db: TenantDb, origin: Origin, input: z.input<typeof deleteClinicInput>) {
  const { confirmName } = deleteClinicInput.parse(input);
  return db.$transaction(async (tx) => {
    const { name } = await tx.clinic.findFirstOrThrow({ select: { name: true } });
    if (confirmName.trim() !== name) throw new AppError("BAD_REQUEST", `type the clinic's name, "${name}", to confirm`);
    // Only an active or suspended clinic is deleted, once: a second concurrent request waits on
    // the row, then finds nothing to change.
    const { count } = await tx.clinic.updateMany({
      where: { id: db.clinicId, status: { not: "deleted" } },
      data: { status: "deleted", deletedAt: new Date() },
    });
    if (count !== 1) throw new AppError("NOT_FOUND", "clinic not found");
    await recordAudit(tx, origin, { action: "clinic.delete", targetType: "clinic", targetId: db.clinicId });
    return { id: db.clinicId };
  });
}
