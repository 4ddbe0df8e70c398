import type { Origin, UserActor } from "../audit";
import type { RootDb } from "../db";
import type { Mailer } from "../email";
import { AppError } from "../errors";
import { enforce, limits } from "../rate-limit";
import { sendVerification } from "./send-verification";

/** A new confirmation link for the signed-in, unconfirmed account (for the same clinic). */
export async function resendVerification(
  root: RootDb,
  origin: Origin<UserActor>,
  mail: { mailer: Mailer; appUrl: string },
) {
  const user = await root.user.findUniqueOrThrow({
    where: { id: origin.actor.userId },
    select: { id: true, email: true, emailVerifiedAt: true },
  });
  if (user.emailVerifiedAt) throw new AppError("BAD_REQUEST", "your email address is already confirmed");
  await enforce(root, `verify:account:${user.id}`, limits.verificationEmailPerAccount, "confirmation emails");
  const pending = await root.emailVerificationToken.findFirst({
    where: { userId: user.id, usedAt: null },
    orderBy: { createdAt: "desc" },
    select: { clinicName: true, clinicTimezone: true },
  });
  const clinic =
    pending?.clinicName && pending.clinicTimezone
      ? { clinicName: pending.clinicName, clinicTimezone: pending.clinicTimezone }
      : null;
  await sendVerification(root, user, clinic, mail);
}
