import { verifyPassword } from "../auth/password";
import type { RootDb } from "../db";
import { AppError } from "../errors";
import { hit, limits } from "../rate-limit";

/**
 * Checks an email and password. Failures count against the account and the caller's IP; once
 * either is over its limit every attempt is refused until the window passes, right password
 * or not.
 */
export async function authenticateWithPassword(
  root: RootDb,
  credentials: { email: string; password: string },
  meta: { ip: string | null },
) {
  const email = credentials.email.trim().toLowerCase();
  const keys = [`signin:account:${email}`, `signin:ip:${meta.ip ?? "unknown"}`] as const;
  const buckets = await root.rateLimitBucket.findMany({
    where: { key: { in: [...keys] }, expiresAt: { gt: new Date() } },
  });
  const over = buckets.some((b) =>
    b.key === keys[0] ? b.count >= limits.signInPerAccount.limit : b.count >= limits.signInPerIp.limit,
  );
  if (over) throw new AppError("RATE_LIMITED", "too many sign-in attempts; wait 15 minutes or reset your password");

  const user = await root.user.findUnique({ where: { email } });
  const ok = Boolean(user?.passwordHash) && (await verifyPassword(credentials.password, user?.passwordHash ?? ""));
  if (!ok || !user) {
    await hit(root, keys[0], limits.signInPerAccount);
    await hit(root, keys[1], limits.signInPerIp);
    return null;
  }
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
