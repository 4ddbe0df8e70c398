import type { Prisma } from "../db";

/**
 * The person at the inbox has just proven they own the account's address (a password-reset
 * link, an invitation link, Google's verified email). If nobody had before, whatever the
 * unconfirmed account had set up may be someone else's (anyone can sign up as any address):
 * its password is replaced by `passwordHash` (null: none), its sessions end, and the clinic its
 * sign-up asked for is forgotten. Conditional on the account still being unconfirmed, inside
 * the caller's transaction; returns whether it was.
 */
export async function proveAddress(
  tx: Prisma.TransactionClient,
  userId: string,
  replace: { passwordHash: string | null; name?: string },
) {
  const { count } = await tx.user.updateMany({
    where: { id: userId, emailVerifiedAt: null },
    data: { ...replace, emailVerifiedAt: new Date(), sessionVersion: { increment: 1 } },
  });
  if (count === 0) return false;
  await tx.emailVerificationToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  return true;
}
