import type { NextConfig } from "next";
import { securityHeaders } from "./src/server/security-headers";

const config: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: ["@frontdesk/core", "@frontdesk/api"],
  // Native-ish server dependencies stay outside the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "graphile-worker"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders({ production: process.env.NODE_ENV === "production" }) }];
  },
};

export default config;
