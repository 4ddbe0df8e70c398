import { verifyPassword } from "../auth/password";
import type { RootDb } from "../db";
import { hitAll, limits, paces, rateLimited, refund, takeTurn } from "../rate-limit";

/**
 * Checks an email and password. The attempt is counted before the password is checked, so a
 * parallel burst gets no more checks than the limits allow:
 * - per address and account, and per address: hard limits (what an attacker at one address
 *   can do);
 * - per account from anywhere: a pace (a few free attempts, then a wait that doubles up to a
 *   minute). It slows a distributed guesser, and an owner is never locked out for longer.
 * A successful sign-in gives its counts back, so only failures use them up.
 */
export async function authenticateWithPassword(
  root: RootDb,
  credentials: { email: string; password: string },
  meta: { ip: string | null },
  now = new Date(),
) {
  const email = credentials.email.trim().toLowerCase();
  const ip = meta.ip ?? "unknown";
  const perIp = `signin:ip:${ip}`;
  const perAccountFromIp = `signin:account-ip:${email}:${ip}`;
  const perAccount = `signin:account:${email}`;
  const what = "sign-in attempts";

  const counted = await hitAll(
    root,
    [
      { key: perIp, limit: limits.signInPerIp },
      { key: perAccountFromIp, limit: limits.signInPerAccountFromIp },
    ],
    now,
  );
  if (!counted.allowed) throw rateLimited(what, counted.retryAfterSeconds);
  const turn = await takeTurn(root, perAccount, paces.signInPerAccount, now);
  if (!turn.allowed) throw rateLimited(what, turn.retryAfterSeconds);

  const user = await root.user.findUnique({ where: { email } });
  const ok = Boolean(user?.passwordHash) && (await verifyPassword(credentials.password, user?.passwordHash ?? ""));
  if (!ok || !user) return null;
  await refund(root, [perIp, perAccountFromIp, perAccount], now);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
