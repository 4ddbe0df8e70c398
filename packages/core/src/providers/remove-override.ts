import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { removeOverrideInput } from "./schemas";

export async function removeOverride(db: TenantDb, origin: Origin, raw: z.input<typeof removeOverrideInput>) {
  const { overrideId } = removeOverrideInput.parse(raw);
  await db.$transaction(async (tx) => {
    const { count } = await tx.scheduleOverride.deleteMany({ where: { id: overrideId } });
    if (count === 0) throw new AppError("NOT_FOUND", "override not found");
    await recordAudit(tx, origin, { action: "schedule.removeOverride", targetType: "override", targetId: overrideId });
  });
}
