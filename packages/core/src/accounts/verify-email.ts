import type { z } from "zod";
import type { Origin, UserActor } from "../audit";
import { createClinicIn } from "../clinics/create-clinic";
import type { RootDb } from "../db";
import { AppError } from "../errors";
import { verifyEmailInput } from "./schemas";
import { hashSecret } from "./tokens";

/**
 * The signed-in person confirms their address with the emailed link (both needed: see
 * `sendVerification`). The clinic their sign-up asked for is created now, with them as owner.
 * The link and any older ones stop working.
 */
export async function verifyEmail(root: RootDb, origin: Origin<UserActor>, input: z.input<typeof verifyEmailInput>) {
  const { token } = verifyEmailInput.parse(input);
  const userId = origin.actor.userId;
  return root.$transaction(async (tx) => {
    const now = new Date();
    const [claimed] = await tx.emailVerificationToken.updateManyAndReturn({
      where: { tokenHash: hashSecret(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (!claimed) {
      throw new AppError(
        "BAD_REQUEST",
        "this confirmation link has expired or was already used; send yourself a new one from the confirmation page",
      );
    }
    if (claimed.userId !== userId) {
      // Rolls back the claim: the link still works for its own account.
      throw new AppError(
        "FORBIDDEN",
        "this link confirms another account's address; sign out, then sign in with the account you created",
      );
    }
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    await tx.emailVerificationToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    const clinic =
      claimed.clinicName && claimed.clinicTimezone
        ? await createClinicIn(tx, origin, { name: claimed.clinicName, timezone: claimed.clinicTimezone })
        : null;
    return { userId, clinicId: clinic?.id ?? null };
  });
}
