import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { overrideInput } from "./schemas";
import { overrideSelect } from "./select";

/** Closes a date, or replaces its weekly hours, for one provider or (providerId null) the clinic. */
export async function addOverride(db: TenantDb, origin: Origin, raw: z.input<typeof overrideInput>) {
  const o = overrideInput.parse(raw);
  if (o.providerId && !(await db.provider.findUnique({ where: { id: o.providerId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "provider not found");
  }
  return db.$transaction(async (tx) => {
    const override = await tx.scheduleOverride.create({
      data: {
        clinicId: db.clinicId,
        providerId: o.providerId,
        date: new Date(`${o.date}T00:00:00Z`),
        kind: o.kind,
        startMinute: o.kind === "open" ? o.startMinute : null,
        endMinute: o.kind === "open" ? o.endMinute : null,
        reason: o.reason,
      },
      select: overrideSelect,
    });
    await recordAudit(tx, origin, {
      action: "schedule.override",
      targetType: "override",
      targetId: override.id,
      metadata: { date: o.date },
    });
    return override;
  });
}
