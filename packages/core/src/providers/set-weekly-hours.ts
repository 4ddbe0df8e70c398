import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { lockProvider } from "./lock-provider";
import { weeklyHoursInput } from "./schemas";
import { providerSelect } from "./select";

/** Replaces a provider's weekly hours (several shifts a day allowed). */
export async function setWeeklyHours(db: TenantDb, origin: Origin, raw: z.input<typeof weeklyHoursInput>) {
  const { providerId, hours } = weeklyHoursInput.parse(raw);
  return db.$transaction(async (tx) => {
    const provider = await lockProvider(tx, providerId);
    if (!provider) throw new AppError("NOT_FOUND", "provider not found");
    await tx.workingHours.deleteMany({ where: { providerId } });
    await tx.workingHours.createMany({ data: hours.map((h) => ({ ...h, clinicId: db.clinicId, providerId })) });
    await recordAudit(tx, origin, { action: "provider.hours", targetType: "provider", targetId: providerId });
    return tx.provider.findUniqueOrThrow({ where: { id: providerId }, select: providerSelect });
  });
}
