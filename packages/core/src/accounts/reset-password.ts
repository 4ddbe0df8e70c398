import type { z } from "zod";
import { hashPassword } from "../auth/password";
import type { RootDb } from "../db";
import { AppError } from "../errors";
import { enforce, limits } from "../rate-limit";
import { proveAddress } from "./prove-address";
import { resetPasswordInput } from "./schemas";
import { hashSecret } from "./tokens";

/**
 * Sets a new password through an emailed link, which then stops working (as do older ones),
 * and ends every session of the account. The link proves the address: an unconfirmed account
 * becomes confirmed, and loses what was set up before (`proveAddress`). Hashing is costly, so
 * attempts are counted per address before it.
 */
export async function resetPassword(
  root: RootDb,
  input: z.input<typeof resetPasswordInput>,
  meta: { ip: string | null },
) {
  const { token, password } = resetPasswordInput.parse(input);
  await enforce(
    root,
    `hash:ip:${meta.ip ?? "unknown"}`,
    limits.passwordHashPerIp,
    "password attempts from this network",
  );
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
    if (!(await proveAddress(tx, userId, { passwordHash }))) {
      await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    }
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  });
}
