import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import type { TenantDb } from "../tenancy";
import { appointmentTypeInput } from "./schemas";
import { appointmentTypeSelect } from "./select";

export async function createAppointmentType(db: TenantDb, origin: Origin, raw: z.input<typeof appointmentTypeInput>) {
  const data = appointmentTypeInput.parse(raw);
  return db.$transaction(async (tx) => {
    const created = await tx.appointmentType.create({
      data: { ...data, clinicId: db.clinicId },
      select: appointmentTypeSelect,
    });
    await recordAudit(tx, origin, {
      action: "appointmentType.create",
      targetType: "appointmentType",
      targetId: created.id,
    });
    return created;
  });
}
