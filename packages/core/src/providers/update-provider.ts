import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { lockProvider } from "./lock-provider";
import { assertTypesExist, replaceOfferedTypes } from "./offered-types";
import { updateProviderInput } from "./schemas";
import { providerSelect } from "./select";

/** Changes the fields given; `appointmentTypeIds`, when given, replaces what the provider offers. */
export async function updateProvider(db: TenantDb, origin: Origin, raw: z.input<typeof updateProviderInput>) {
  const { providerId: id, appointmentTypeIds, ...data } = updateProviderInput.parse(raw);
  await assertTypesExist(db, appointmentTypeIds);
  return db.$transaction(async (tx) => {
    if (!(await lockProvider(tx, id))) {
      throw new AppError("NOT_FOUND", "provider not found");
    }
    await tx.provider.update({ where: { id }, data });
    if (appointmentTypeIds) await replaceOfferedTypes(tx, db.clinicId, id, appointmentTypeIds);
    await recordAudit(tx, origin, { action: "provider.update", targetType: "provider", targetId: id });
    return tx.provider.findUniqueOrThrow({ where: { id }, select: providerSelect });
  });
}
