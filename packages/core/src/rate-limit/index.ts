// Fixed-window rate limiting in PostgreSQL, shared by every web instance.
import type { RootDb } from "../db";
import { AppError } from "../errors";

export type Limit = { limit: number; windowMs: number };

export const limits = {
  signInPerAccount: { limit: 5, windowMs: 15 * 60_000 },
  signInPerIp: { limit: 20, windowMs: 15 * 60_000 },
  signUpPerIp: { limit: 10, windowMs: 60 * 60_000 },
  passwordResetPerAccount: { limit: 3, windowMs: 60 * 60_000 },
  verificationEmailPerAccount: { limit: 3, windowMs: 60 * 60_000 },
  apiKeyPerMinute: { limit: 120, windowMs: 60_000 },
} as const satisfies Record<string, Limit>;

/** Counts one hit on `key`; returns whether it is within the limit. */
export async function hit(db: RootDb, key: string, { limit, windowMs }: Limit, now = new Date()) {
  const rows = await db.$queryRaw<{ count: number; expiresAt: Date }[]>`
    INSERT INTO rate_limit_buckets (key, "windowStart", count, "expiresAt")
    VALUES (${key}, ${now}, 1, ${new Date(now.getTime() + windowMs)})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_buckets."expiresAt" <= ${now} THEN 1 ELSE rate_limit_buckets.count + 1 END,
      "windowStart" = CASE WHEN rate_limit_buckets."expiresAt" <= ${now} THEN ${now} ELSE rate_limit_buckets."windowStart" END,
      "expiresAt" = CASE WHEN rate_limit_buckets."expiresAt" <= ${now} THEN ${new Date(now.getTime() + windowMs)} ELSE rate_limit_buckets."expiresAt" END
    RETURNING count, "expiresAt"`;
  const row = rows[0] as { count: number; expiresAt: Date };
  return {
    allowed: row.count <= limit,
    retryAfterSeconds: Math.max(1, Math.ceil((row.expiresAt.getTime() - now.getTime()) / 1000)),
  };
}

/** Like `hit`, throwing RATE_LIMITED with when to retry. */
export async function enforce(db: RootDb, key: string, limit: Limit, what: string, now = new Date()) {
  const result = await hit(db, key, limit, now);
  if (!result.allowed) {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    throw new AppError("RATE_LIMITED", `too many ${what}; try again in ${minutes} minute${minutes === 1 ? "" : "s"}`, {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}

export async function pruneExpiredRateLimits(db: RootDb, now = new Date()) {
  return db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } });
}
