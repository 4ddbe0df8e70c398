// Proof that a request comes from Vapi, checked before anything else is read: the shared secret
// Frontdesk gives Vapi (VAPI_WEBHOOK_SECRET), presented in one of the three ways a Vapi server
// credential can present it. Every comparison is constant-time.
import { createHmac, timingSafeEqual } from "node:crypto";

/** How far a signed timestamp may be from our clock before the request counts as a replay. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

export type VapiAuthRequest = {
  /** Header lookup, case-insensitive (a fetch `Headers` works as is). */
  headers: { get(name: string): string | null };
  /** The body exactly as received: the HMAC is over these bytes, not re-serialised JSON. */
  rawBody: string;
};

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Epoch ms from a timestamp header in seconds or milliseconds; NaN if it is neither. */
function timestampMs(value: string) {
  if (!/^\d{1,16}$/.test(value)) return Number.NaN;
  const n = Number(value);
  return n < 1e12 ? n * 1000 : n;
}

function validHmac(secret: string, request: VapiAuthRequest, now: number) {
  const signature = request.headers.get("x-signature")?.trim();
  const timestamp = request.headers.get("x-timestamp")?.trim();
  if (!signature || !timestamp) return false;
  const at = timestampMs(timestamp);
  if (!(Math.abs(now - at) <= MAX_SIGNATURE_AGE_MS)) return false;
  const mac = createHmac("sha256", secret).update(`${timestamp}.${request.rawBody}`).digest();
  const given = signature.replace(/^(sha256=|v1=)/, "");
  // Vapi's HMAC credentials encode hex by default, base64 when configured so.
  const candidates = /^[0-9a-f]{64}$/i.test(given) ? [Buffer.from(given, "hex")] : [Buffer.from(given, "base64")];
  return candidates.some((c) => c.length === mac.length && timingSafeEqual(c, mac));
}

/**
 * True when the request carries the webhook secret: `X-Vapi-Secret: <secret>`, a bearer
 * credential (`Authorization: Bearer <secret>`), or an HMAC-SHA256 of `{timestamp}.{raw body}`
 * in `x-signature` with a fresh `x-timestamp`. Without a configured secret nothing passes.
 */
export function authenticateVapiRequest(secret: string | undefined, request: VapiAuthRequest, now = Date.now()) {
  if (!secret) return false;
  const header = request.headers.get("x-vapi-secret");
  if (header !== null) return sameSecret(header, secret);
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    return match ? sameSecret(match[1] as string, secret) : false;
  }
  return validHmac(secret, request, now);
}
