import type { RootDb } from "../db";

/** The clinics a user belongs to, oldest membership first. */
export async function listMyClinics(root: RootDb, userId: string) {
  const memberships = await root.membership.findMany({
    where: { userId, clinic: { status: { not: "deleted" } } },
    include: { clinic: { select: { id: true, name: true, timezone: true, status: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({
    id: m.clinic.id,
    name: m.clinic.name,
    timezone: m.clinic.timezone,
    status: m.clinic.status,
    role: m.role,
  }));
}
