import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { updateAppointmentTypeInput } from "./schemas";
import { appointmentTypeSelect } from "./select";

export async function updateAppointmentType(
  db: TenantDb,
  origin: Origin,
  raw: z.input<typeof updateAppointmentTypeInput>,
) {
  const { appointmentTypeId: id, ...data } = updateAppointmentTypeInput.parse(raw);
  return db.$transaction(async (tx) => {
    if (!(await tx.appointmentType.findUnique({ where: { id }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND", "appointment type not found");
    }
    const updated = await tx.appointmentType.update({ where: { id }, data, select: appointmentTypeSelect });
    await recordAudit(tx, origin, { action: "appointmentType.update", targetType: "appointmentType", targetId: id });
    return updated;
  });
}
