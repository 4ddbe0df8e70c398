// Vapi payloads echo configuration back: a Twilio number's auth token, server headers with our
// webhook secret, credentials. None of it may be stored; the rest of the payload is kept as is.

/** Field names whose values are secrets: …Secret, …Token (not the token counts in costs), … */
const SECRET_KEY = /(secret|password|authorization|apikey|privatekey|token)$|^credentials?$/i;

export const REDACTED = "[redacted]";

/** A deep copy of `value` with every secret field's value replaced. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      copy[key] = SECRET_KEY.test(key) && inner !== null && inner !== "" ? REDACTED : redactSecrets(inner);
    }
    return copy;
  }
  return value;
}
