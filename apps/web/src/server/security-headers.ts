// The browser-side walls: a nonce-based Content-Security-Policy for pages (set per request by
// proxy.ts) and fixed headers on every response (next.config.ts).

/** The page policy: scripts only with this request's nonce (Next.js adds it to its own). */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }) {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce'd loader pull its chunks; dev needs eval for fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Radix, sonner and recharts position things with style attributes, which nonces cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Sent with every response, API routes included. */
export function securityHeaders(options: { production: boolean }) {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    ...(options.production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
