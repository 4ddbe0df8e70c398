import { unverified } from "../accounts/verified";
import type { RequestActor } from "../audit";
import type { Role, RootDb } from "../db";
import { AppError } from "../errors";

/**
 * Which clinic a request acts on, and with what role. The clinic comes from the server side:
 * an API key's own clinic, or one of the user's memberships (the requested one if they belong to
 * it, else their first), once their address is confirmed. A clinic the actor doesn't belong
 * to is NOT_FOUND, never FORBIDDEN, so ids of other clinics reveal nothing.
 */
export async function resolveClinicAccess(
  root: RootDb,
  actor: RequestActor,
  requestedClinicId: string | null,
): Promise<{ clinicId: string; role: Role }> {
  if (actor.type === "api_key") {
    if (requestedClinicId && requestedClinicId !== actor.clinicId) throw new AppError("NOT_FOUND", "clinic not found");
    return { clinicId: actor.clinicId, role: actor.role };
  }
  const user = await root.user.findUnique({
    where: { id: actor.userId },
    select: {
      emailVerifiedAt: true,
      memberships: {
        where: { clinic: { status: { not: "deleted" } } },
        select: { clinicId: true, role: true, clinic: { select: { status: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  // Memberships only go to confirmed addresses; this also covers accounts older than that rule.
  if (user && !user.emailVerifiedAt) throw unverified();
  const memberships = user?.memberships ?? [];
  const chosen = requestedClinicId ? memberships.find((m) => m.clinicId === requestedClinicId) : memberships[0];
  if (!chosen) {
    throw new AppError("NOT_FOUND", requestedClinicId ? "clinic not found" : "you are not a member of any clinic yet");
  }
  if (chosen.clinic.status === "suspended") {
    throw new AppError("FORBIDDEN", "this clinic is suspended; contact Frontdesk support to restore it");
  }
  return { clinicId: chosen.clinicId, role: chosen.role };
}
