import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import type { TenantDb } from "../tenancy";
import { assertTypesExist, replaceOfferedTypes } from "./offered-types";
import { providerInput } from "./schemas";
import { providerSelect } from "./select";

export async function createProvider(db: TenantDb, origin: Origin, raw: z.input<typeof providerInput>) {
  const { appointmentTypeIds, ...data } = providerInput.parse(raw);
  await assertTypesExist(db, appointmentTypeIds);
  return db.$transaction(async (tx) => {
    const { id } = await tx.provider.create({ data: { ...data, clinicId: db.clinicId }, select: { id: true } });
    if (appointmentTypeIds) await replaceOfferedTypes(tx, db.clinicId, id, appointmentTypeIds);
    await recordAudit(tx, origin, { action: "provider.create", targetType: "provider", targetId: id });
    return tx.provider.findUniqueOrThrow({ where: { id }, select: providerSelect });
  });
}
