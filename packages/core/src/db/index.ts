import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export * from "../generated/prisma/client";

export type RootDb = PrismaClient;

/**
 * A client that sees every tenant. Only platform code (webhook intake, job plumbing, seeding,
 * health) may hold one; procedures and job handlers get a tenant-scoped client instead, which
 * is why this is not simply called `createDb`.
 */
export function createRootDb(databaseUrl: string, options: { max?: number; connectionTimeoutMillis?: number } = {}) {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    // Fail fast when PostgreSQL is unreachable instead of hanging a request.
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
  });
  return new PrismaClient({ adapter });
}
