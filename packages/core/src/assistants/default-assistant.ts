import type { TenantTransaction } from "../tenancy";

/**
 * Serialises the clinic's default changes (a transaction lock, so two "make default" saves take
 * turns), then makes `assistantId` the default and unsets the old one in the same transaction.
 * The partial unique index stays the guarantee; the lock makes the loser wait, not fail.
 */
export async function claimDefault(tx: TenantTransaction, clinicId: string, assistantId: string) {
  await lockClinicAssistants(tx, clinicId);
  await tx.assistant.updateMany({ where: { isDefault: true, id: { not: assistantId } }, data: { isDefault: false } });
  await tx.assistant.update({ where: { id: assistantId }, data: { isDefault: true } });
}

export async function lockClinicAssistants(tx: TenantTransaction, clinicId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`assistants-default:${clinicId}`}, 0))`;
}
