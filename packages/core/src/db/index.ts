import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export * from "../generated/prisma/client";

export type RootDb = PrismaClient;

/**
 * Named prepared statements (named after their SQL), so PostgreSQL plans each query shape once
 * per connection instead of on every call. Prisma's SQL is parameterised, so the set of names
 * stays small. It roughly halves a simple list query's latency here, and removes the planning
 * cost row-level security adds (see bench/tenant-scope.ts).
 * Not for PgBouncer in transaction mode, which cannot keep prepared statements.
 */
export const adapterOptions: ConstructorParameters<typeof PrismaPg>[1] = {
  statementNameGenerator: (query: { sql: string }) => `fd_${createHash("sha1").update(query.sql).digest("base64url")}`,
};

/**
 * A client that sees every tenant. Only platform code (webhook intake, job plumbing, seeding,
 * health) may hold one; procedures and job handlers get a tenant-scoped client instead, which
 * is why this is not simply called `createDb`.
 */
export function createRootDb(databaseUrl: string, options: { max?: number; connectionTimeoutMillis?: number } = {}) {
  const adapter = new PrismaPg(
    {
      connectionString: databaseUrl,
      max: options.max ?? 10,
      // Fail fast when PostgreSQL is unreachable instead of hanging a request.
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    },
    adapterOptions,
  );
  return new PrismaClient({ adapter });
}
