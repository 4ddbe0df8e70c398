import type { TenantDb } from "../tenancy";

/** What the dashboard shows at a glance: what is set up, and how many calls came in. */
export async function getClinicOverview(db: TenantDb) {
  const [providers, appointmentTypes, phoneNumbers, calls] = await Promise.all([
    db.provider.count({ where: { active: true } }),
    db.appointmentType.count({ where: { active: true } }),
    db.phoneNumber.findMany({ select: { e164: true, label: true }, orderBy: { createdAt: "asc" } }),
    db.call.count(),
  ]);
  return { providers, appointmentTypes, phoneNumbers, calls };
}
