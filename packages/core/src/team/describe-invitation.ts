import { hashSecret } from "../accounts/tokens";
import type { RootDb } from "../db";

/** What the invite page shows before accepting (platform: the token is the credential). */
export async function describeInvitation(root: RootDb, token: string) {
  const invitation = await root.invitation.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      clinic: { select: { name: true, status: true } },
    },
  });
  if (!invitation) return null;
  const usable =
    !invitation.acceptedAt &&
    !invitation.revokedAt &&
    invitation.expiresAt > new Date() &&
    invitation.clinic.status === "active";
  return { email: invitation.email, role: invitation.role, clinicName: invitation.clinic.name, usable };
}
