import type { z } from "zod";
import { hashPassword } from "../auth/password";
import type { RootDb } from "../db";
import type { Mailer } from "../email";
import { AppError } from "../errors";
import { hit, limits } from "../rate-limit";
import { emailSchema, resetPasswordInput } from "./schemas";
import { hashSecret, newSecret } from "./tokens";

const RESET_TTL_MS = 60 * 60_000;

/** Emails a single-use reset link. Says nothing about whether the account exists. */
export async function requestPasswordReset(root: RootDb, mailer: Mailer, appUrl: string, input: { email: string }) {
  const email = emailSchema.parse(input.email);
  const user = await root.user.findUnique({ where: { email } });
  if (!user) return;
  if (!(await hit(root, `reset:account:${email}`, limits.passwordResetPerAccount)).allowed) return;
  const token = newSecret();
  await root.passwordResetToken.create({
    data: { userId: user.id, tokenHash: token.hash, expiresAt: new Date(Date.now() + RESET_TTL_MS) },
  });
  const link = new URL(`/reset-password?token=${token.raw}`, appUrl).toString();
  await mailer.send({
    to: email,
    subject: "Reset your Frontdesk password",
    text: `Someone asked to reset the password of your Frontdesk account.\n\nChoose a new one here (valid for one hour, once): ${link}\n\nIf this wasn't you, ignore this email.`,
  });
}

export async function resetPassword(root: RootDb, input: z.input<typeof resetPasswordInput>) {
  const { token, password } = resetPasswordInput.parse(input);
  const passwordHash = await hashPassword(password);
  await root.$transaction(async (tx) => {
    // Claiming the token and using it is one statement, so a link works exactly once.
    const claimed = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: hashSecret(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    const userId = claimed[0]?.userId;
    if (!userId)
      throw new AppError("BAD_REQUEST", "this reset link has expired or was already used; request a new one");
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  });
}
