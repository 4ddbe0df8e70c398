import type { TenantDb } from "../tenancy";

/** The clinic's assistants and numbers, for the calls list's filters. */
export async function listCallFilters(db: TenantDb) {
  const [assistants, numbers] = await Promise.all([
    db.assistant.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.phoneNumber.findMany({ select: { id: true, e164: true, label: true }, orderBy: { e164: "asc" } }),
  ]);
  return { assistants, numbers };
}
