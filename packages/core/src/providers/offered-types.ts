// What a provider offers. Every id a caller passes is looked up through the tenant client
// first, so another clinic's appointment types are simply not found.
import { AppError } from "../errors";
import type { TenantDb, TenantTransaction } from "../tenancy";

export async function assertTypesExist(db: TenantDb, ids: string[] | undefined) {
  if (!ids?.length) return;
  const found = await db.appointmentType.count({ where: { id: { in: ids } } });
  if (found !== new Set(ids).size) throw new AppError("NOT_FOUND", "appointment type not found");
}

export async function replaceOfferedTypes(
  tx: TenantTransaction,
  clinicId: string,
  providerId: string,
  appointmentTypeIds: string[],
) {
  await tx.providerAppointmentType.deleteMany({ where: { providerId } });
  await tx.providerAppointmentType.createMany({
    data: appointmentTypeIds.map((appointmentTypeId) => ({ clinicId, providerId, appointmentTypeId })),
  });
}
