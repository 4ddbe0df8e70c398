import type { z } from "zod";
import type { RootDb } from "../db";
import type { Mailer } from "../email";
import { hit, limits } from "../rate-limit";
import { emailSchema, type requestPasswordResetInput } from "./schemas";
import { newSecret } from "./tokens";

const RESET_TTL_MS = 60 * 60_000;

/**
 * Emails a single-use reset link. Says nothing about whether the account exists, nor when a
 * limit (per account, per address) swallowed the request.
 */
export async function requestPasswordReset(
  root: RootDb,
  input: z.input<typeof requestPasswordResetInput>,
  { mailer, appUrl }: { mailer: Mailer; appUrl: string },
  meta: { ip: string | null },
) {
  const email = emailSchema.parse(input.email);
  if (!(await hit(root, `reset:ip:${meta.ip ?? "unknown"}`, limits.passwordResetRequestPerIp)).allowed) return;
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
