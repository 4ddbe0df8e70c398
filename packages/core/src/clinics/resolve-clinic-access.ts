import type { RequestActor } from "../audit";
import type { Role, RootDb } from "../db";
import { AppError } from "../errors";

/**
 * Which clinic a request acts on, and with what role. The org comes from the server side:
 * an API key's own org, or one of the user's memberships (the requested one if they belong to
 * it, else their first). A clinic the actor doesn't belong to is NOT_FOUND, never FORBIDDEN,
 * so ids of other clinics reveal nothing.
 */
export async function resolveClinicAccess(
  root: RootDb,
  actor: RequestActor,
  requestedOrgId: string | null,
): Promise<{ orgId: string; role: Role }> {
  if (actor.type === "api_key") {
    if (requestedOrgId && requestedOrgId !== actor.orgId) throw new AppError("NOT_FOUND", "clinic not found");
    return { orgId: actor.orgId, role: actor.role };
  }
  const memberships = await root.membership.findMany({
    where: { userId: actor.userId, org: { status: { not: "deleted" } } },
    select: { orgId: true, role: true, org: { select: { status: true } } },
    orderBy: { createdAt: "asc" },
  });
  const chosen = requestedOrgId ? memberships.find((m) => m.orgId === requestedOrgId) : memberships[0];
  if (!chosen) {
    throw new AppError("NOT_FOUND", requestedOrgId ? "clinic not found" : "you are not a member of any clinic yet");
  }
  if (chosen.org.status === "suspended") {
    throw new AppError("FORBIDDEN", "this clinic is suspended; contact Frontdesk support to restore it");
  }
  return { orgId: chosen.orgId, role: chosen.role };
}
