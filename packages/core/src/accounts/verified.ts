import type { Prisma } from "../db";
import { AppError } from "../errors";

/** Refuses an account whose address nobody has confirmed: it may not own or join a clinic. */
export async function assertVerified(tx: Prisma.TransactionClient, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  if (!user?.emailVerifiedAt) throw unverified();
}

export const unverified = () =>
  new AppError(
    "FORBIDDEN",
    "confirm your email address first: open the link we emailed you (or send a new one from the confirmation page)",
  );
