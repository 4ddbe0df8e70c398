import type { NextConfig } from "next";

const production = process.env.NODE_ENV === "production";

/** Sent with every response, API routes included (pages also get a CSP from proxy.ts). */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const config: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: ["@frontdesk/core", "@frontdesk/api"],
  // Native-ish server dependencies stay outside the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "graphile-worker"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default config;
