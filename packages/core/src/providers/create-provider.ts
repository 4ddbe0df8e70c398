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
    const { id } = await tx.provider.create({ data: { ...data, orgId: db.orgId }, select: { id: true } });
    if (appointmentTypeIds) await replaceOfferedTypes(tx, db.orgId, id, appointmentTypeIds);
    await recordAudit(tx, origin, { action: "provider.create", targetType: "provider", targetId: id });
    return tx.provider.findUniqueOrThrow({ where: { id }, select: providerSelect });
  });
}
