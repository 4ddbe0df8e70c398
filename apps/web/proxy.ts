// The page's Content-Security-Policy, with a fresh nonce per request (next.config.ts sets the
// headers every response gets).
import { type NextRequest, NextResponse } from "next/server";
import { realtimeConnectSource } from "@/server/realtime";

/** The page policy: scripts only with this request's nonce (Next.js adds it to its own). */
function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean; realtime: string | null }) {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce'd loader pull its chunks; dev needs eval for fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Radix, sonner and recharts position things with style attributes, which nonces cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // Call recordings play from Vapi's storage (or the clinic's own bucket), always over HTTPS.
    "media-src 'self' https:",
    // Live updates: the Pusher-protocol server's WebSocket (PUSHER_HOST/PORT, or Pusher's cloud).
    `connect-src 'self'${options.realtime ? ` ${options.realtime}` : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A fresh CSP nonce per page request; Next.js reads it from the request's policy header. */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV !== "production",
    https: request.nextUrl.protocol === "https:",
    realtime: realtimeConnectSource(),
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: API routes answer JSON and XML, and static files need no nonce.
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
