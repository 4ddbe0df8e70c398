import type { RootDb } from "../db";

/** The clinics a user belongs to, oldest membership first. */
export async function listMyClinics(root: RootDb, userId: string) {
  const memberships = await root.membership.findMany({
    where: { userId, org: { status: { not: "deleted" } } },
    include: { org: { select: { id: true, name: true, timezone: true, status: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({
    id: m.org.id,
    name: m.org.name,
    timezone: m.org.timezone,
    status: m.org.status,
    role: m.role,
  }));
}
