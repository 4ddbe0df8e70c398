import type { z } from "zod";
import { newSecret } from "../accounts/tokens";
import { type ClinicOrigin, recordAudit } from "../audit";
import type { Mailer } from "../email";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { assertCan } from "../tenancy/permissions";
import { invitationSelect } from "./list-invitations";
import { inviteInput } from "./schemas";

const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

/**
 * Emails a single-use link to join the clinic with a role; only an owner may invite an owner.
 * The link goes to the invited inbox only (never back to the inviter): it is what confirms
 * that whoever signs up with it owns the address.
 */
export async function inviteMember(
  db: TenantDb,
  origin: ClinicOrigin,
  input: z.input<typeof inviteInput>,
  { mailer, appUrl }: { mailer: Mailer; appUrl: string },
) {
  const { email, role } = inviteInput.parse(input);
  assertCan(origin, "team:manage");
  if (role === "owner") assertCan(origin, "owners:manage");
  const existing = await db.membership.findFirst({ where: { user: { email } }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `${email} is already a member of this clinic`);
  const token = newSecret();
  const [clinic, invitation] = await db.$transaction(async (tx) => {
    // A new invitation replaces any pending one for the same address. Two invitations sent at
    // once wait for each other here (there is no row to lock yet), so one replaces the other.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invitation:${db.clinicId}:${email}`}, 0))`;
    await tx.invitation.updateMany({
      where: { email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const invitation = await tx.invitation.create({
      data: {
        clinicId: db.clinicId,
        email,
        role,
        tokenHash: token.hash,
        invitedById: origin.actor.type === "user" ? origin.actor.userId : null,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
      select: invitationSelect,
    });
    await recordAudit(tx, origin, {
      action: "team.invite",
      targetType: "invitation",
      targetId: invitation.id,
      metadata: { email, role },
    });
    return [await tx.clinic.findFirstOrThrow({ select: { name: true } }), invitation] as const;
  });
  const link = new URL(`/invite/${token.raw}`, appUrl).toString();
  await mailer.send({
    to: email,
    subject: `You're invited to ${clinic.name} on Frontdesk`,
    text: `You've been invited to join ${clinic.name} on Frontdesk as ${role}.\n\nAccept here (valid for 7 days, once): ${link}`,
  });
  return { invitation };
}
