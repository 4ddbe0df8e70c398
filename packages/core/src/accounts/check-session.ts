import { z } from "zod";
import type { RootDb } from "../db";

/** How long a session lasts from sign-in, however much it is used. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60_000;

/** What a session token carries about itself, set at sign-in (`sessionClaims`). */
export type SessionClaims = { userId: string; version: number; signedInAt: number };

const claimsSchema = z.object({ userId: z.uuid(), version: z.number().int(), signedInAt: z.number() });

export const sessionClaims = (user: { id: string; sessionVersion: number }, now = Date.now()): SessionClaims => ({
  userId: user.id,
  version: user.sessionVersion,
  signedInAt: now,
});

/**
 * Whether a session still stands, checked on every use: it started less than 12 hours ago and
 * under the account's current session version (a password reset, a removal from a clinic and
 * "sign out everywhere" move it on). Anything malformed or older than this check fails.
 */
export async function checkSession(root: RootDb, claims: unknown, now = Date.now()) {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) return false;
  const { userId, version, signedInAt } = parsed.data;
  if (signedInAt > now + 60_000 || now - signedInAt >= SESSION_LIFETIME_MS) return false;
  const user = await root.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion === version;
}
