import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: ["@frontdesk/core", "@frontdesk/api"],
  // Native-ish server dependencies stay outside the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "graphile-worker"],
  poweredByHeader: false,
};

export default config;
