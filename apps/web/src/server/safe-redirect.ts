// Where to send someone after signing in. Only a path on this site: browsers read "\\" as "/",
// ignore tabs and newlines inside URLs, and follow "//host" to another host, so anything that
// could resolve off-site (or to a non-http scheme) falls back to the dashboard.
const ORIGIN = "http://frontdesk.invalid";

/** Backslashes and control characters (tab, CR, LF…), which browsers rewrite or drop. */
const rewritten = (text: string) =>
  [...text].some((c) => c === "\\" || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

export function safeNextPath(raw: unknown, fallback = "/dashboard"): string {
  if (typeof raw !== "string" || raw.length > 2000) return fallback;
  // Raw or percent-encoded, nothing a browser would rewrite before resolving the URL.
  if (!raw.startsWith("/") || rewritten(raw)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return fallback;
  }
  if (decoded.startsWith("//") || rewritten(decoded)) return fallback;
  const url = new URL(raw, ORIGIN);
  if (url.origin !== ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
