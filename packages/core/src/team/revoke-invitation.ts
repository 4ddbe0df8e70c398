import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { revokeInvitationInput } from "./schemas";

export async function revokeInvitation(db: TenantDb, origin: Origin, input: z.input<typeof revokeInvitationInput>) {
  const { invitationId } = revokeInvitationInput.parse(input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "invitation not found or no longer pending");
    await recordAudit(tx, origin, {
      action: "team.revokeInvitation",
      targetType: "invitation",
      targetId: invitationId,
    });
  });
}
