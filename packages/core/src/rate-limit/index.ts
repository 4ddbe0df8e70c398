// Rate limiting in PostgreSQL, shared by every web instance. Every check counts the attempt
// first, in the statement that reads the count, so concurrent callers each see their own
// number: a check that reads, works, then records lets a parallel burst through.
import type { RequestActor } from "../audit";
import { Prisma, type RootDb } from "../db";
import { AppError } from "../errors";

export type Limit = { limit: number; windowMs: number };

/**
 * A pace instead of a cap: `free` attempts, then each further one only after a wait that
 * doubles per attempt, up to `maxDelaySeconds`. Nobody can push the wait past that, so a pace
 * can guard a target (an account) that an attacker must not be able to lock out.
 */
export type Pace = { free: number; maxDelaySeconds: number; windowMs: number };

export const limits = {
  /** Sign-in attempts from one address on one account (successes are given back). */
  signInPerAccountFromIp: { limit: 5, windowMs: 15 * 60_000 },
  /** Sign-in attempts from one address, whatever the account: the limit that carries the weight. */
  signInPerIp: { limit: 20, windowMs: 15 * 60_000 },
  signUpPerIp: { limit: 10, windowMs: 60 * 60_000 },
  /** Unauthenticated calls that hash a password (reset, invitation sign-up) from one address. */
  passwordHashPerIp: { limit: 10, windowMs: 15 * 60_000 },
  passwordResetPerAccount: { limit: 3, windowMs: 60 * 60_000 },
  verificationEmailPerAccount: { limit: 3, windowMs: 60 * 60_000 },
  /** Password-reset emails asked for from one address, whatever the account (no inbox flooding). */
  passwordResetRequestPerIp: { limit: 10, windowMs: 60 * 60_000 },
  /** Clinics one person creates (beyond the one sign-up makes): a free account is no bulk source. */
  clinicsCreatedPerUser: { limit: 5, windowMs: 24 * 60 * 60_000 },
  /** Procedure calls (not HTTP requests: a batch counts each call) per API key. */
  apiKeyPerMinute: { limit: 120, windowMs: 60_000 },
  /** Procedure calls per signed-in person (the dashboard makes a handful per page). */
  userCallsPerMinute: { limit: 600, windowMs: 60_000 },
  /** "Call my phone" test calls per clinic: each one rings a real phone and costs Vapi minutes. */
  testCallsPerClinic: { limit: 5, windowMs: 60 * 60_000 },
  /** Procedure calls without a session or key, per address. */
  anonymousCallsPerIpPerMinute: { limit: 120, windowMs: 60_000 },
} as const satisfies Record<string, Limit>;

export const paces = {
  /** Sign-in attempts on one account from anywhere: a distributed guesser is slowed, the owner never locked out. */
  signInPerAccount: { free: 5, maxDelaySeconds: 60, windowMs: 15 * 60_000 },
} as const satisfies Record<string, Pace>;

export type HitResult = { allowed: boolean; retryAfterSeconds: number };

const secondsUntil = (at: Date, now: Date) => Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));

/**
 * Counts `cost` hits (1 unless said) on every key in a single statement and says whether all
 * are within their limits. Keys are locked in sorted order, so two callers hitting the same keys
 * cannot deadlock.
 */
export async function hitAll(
  db: RootDb,
  hits: readonly { key: string; limit: Limit; cost?: number }[],
  now = new Date(),
): Promise<HitResult> {
  const byKey = new Map(hits.map((h) => [h.key, h.limit]));
  const costs = new Map(hits.map((h) => [h.key, Math.max(1, Math.trunc(h.cost ?? 1))]));
  const keys = [...byKey.keys()].sort();
  const rows = await db.$queryRaw<{ key: string; count: number; expiresAt: Date }[]>`
    INSERT INTO rate_limit_buckets (key, "windowStart", count, "expiresAt")
    VALUES ${Prisma.join(
      keys.map(
        (key) =>
          Prisma.sql`(${key}, ${now}, ${costs.get(key)}::int, ${new Date(now.getTime() + (byKey.get(key) as Limit).windowMs)})`,
      ),
    )}
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_buckets."expiresAt" <= EXCLUDED."windowStart" THEN EXCLUDED.count ELSE rate_limit_buckets.count + EXCLUDED.count END,
      "windowStart" = CASE WHEN rate_limit_buckets."expiresAt" <= EXCLUDED."windowStart" THEN EXCLUDED."windowStart" ELSE rate_limit_buckets."windowStart" END,
      "expiresAt" = CASE WHEN rate_limit_buckets."expiresAt" <= EXCLUDED."windowStart" THEN EXCLUDED."expiresAt" ELSE rate_limit_buckets."expiresAt" END
    RETURNING key, count, "expiresAt"`;
  const over = rows.filter((row) => row.count > (byKey.get(row.key) as Limit).limit);
  if (over.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(...over.map((row) => secondsUntil(row.expiresAt, now))) };
}

/** Counts `cost` hits on `key`; returns whether it is within the limit. */
export const hit = (db: RootDb, key: string, limit: Limit, now = new Date(), cost = 1) =>
  hitAll(db, [{ key, limit, cost }], now);

/**
 * Takes a turn under a pace, atomically: the bucket only advances when the turn is granted, so
 * refused attempts do not lengthen anyone's wait. Here `windowStart` is the last granted turn.
 */
export async function takeTurn(db: RootDb, key: string, pace: Pace, now = new Date()): Promise<HitResult> {
  const forgetAt = new Date(now.getTime() + pace.windowMs);
  const granted = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_buckets AS b (key, "windowStart", count, "expiresAt")
    VALUES (${key}, ${now}, 1, ${forgetAt})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN b."expiresAt" <= EXCLUDED."windowStart" THEN 1 ELSE b.count + 1 END,
      "windowStart" = EXCLUDED."windowStart",
      "expiresAt" = EXCLUDED."expiresAt"
    WHERE b."expiresAt" <= EXCLUDED."windowStart"
       OR b.count < ${pace.free}
       OR b."windowStart" + make_interval(secs => LEAST(power(2, b.count - ${pace.free}), ${pace.maxDelaySeconds})) <= EXCLUDED."windowStart"
    RETURNING count`;
  if (granted.length > 0) return { allowed: true, retryAfterSeconds: 0 };
  const [wait] = await db.$queryRaw<{ nextTurn: Date }[]>`
    SELECT "windowStart" + make_interval(secs => LEAST(power(2, count - ${pace.free}), ${pace.maxDelaySeconds})) AS "nextTurn"
    FROM rate_limit_buckets WHERE key = ${key}`;
  return { allowed: false, retryAfterSeconds: wait ? secondsUntil(wait.nextTurn, now) : 1 };
}

/** Gives back one hit on each key (an attempt that turned out legitimate). */
export async function refund(db: RootDb, keys: readonly string[], now = new Date()) {
  // One row per statement: no lock-order question with concurrent hitAll calls.
  for (const key of keys) {
    await db.$executeRaw`
      UPDATE rate_limit_buckets SET count = GREATEST(count - 1, 0) WHERE key = ${key} AND "expiresAt" > ${now}`;
  }
}

export function rateLimited(what: string, retryAfterSeconds: number) {
  const [amount, unit] =
    retryAfterSeconds < 120 ? [retryAfterSeconds, "second"] : [Math.ceil(retryAfterSeconds / 60), "minute"];
  return new AppError("RATE_LIMITED", `too many ${what}; try again in ${amount} ${unit}${amount === 1 ? "" : "s"}`, {
    retryAfterSeconds,
  });
}

/** Like `hit`, throwing RATE_LIMITED with when to retry. */
export async function enforce(db: RootDb, key: string, limit: Limit, what: string, now = new Date(), cost = 1) {
  const result = await hit(db, key, limit, now, cost);
  if (!result.allowed) throw rateLimited(what, result.retryAfterSeconds);
}

/**
 * Counts a request's procedure calls (a batch carries several) against its sender's
 * per-minute limit before any of them runs: the API key, the signed-in person, or, for
 * anonymous calls, the address.
 */
export function countCalls(root: RootDb, who: { actor: RequestActor | null; ip: string | null }, calls: number) {
  const { actor, ip } = who;
  if (actor?.type === "api_key")
    return enforce(
      root,
      `apikey:${actor.apiKeyId}`,
      limits.apiKeyPerMinute,
      "calls with this API key",
      undefined,
      calls,
    );
  if (actor?.type === "user")
    return enforce(root, `calls:user:${actor.userId}`, limits.userCallsPerMinute, "requests", undefined, calls);
  return enforce(
    root,
    `calls:ip:${ip ?? "unknown"}`,
    limits.anonymousCallsPerIpPerMinute,
    "requests from this network",
    undefined,
    calls,
  );
}

export async function pruneExpiredRateLimits(db: RootDb, now = new Date()) {
  return db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } });
}
