import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "../generated/prisma/client";

export * from "../generated/prisma/client";
export { isDeadlock, isForeignKeyViolation, isUniqueViolation, sqlState } from "./errors";
export { uuidv7 } from "./uuid";

export type RootDb = PrismaClient & { readonly sql: Sql };

// The application sends a few hundred distinct statements: each is hashed once, not per call.
const statementNames = new Map<string, string>();
function statementName(sql: string) {
  let name = statementNames.get(sql);
  if (!name) {
    name = `fd_${createHash("sha1").update(sql).digest("base64url")}`;
    if (statementNames.size < 10_000) statementNames.set(sql, name);
  }
  return name;
}

/**
 * Named prepared statements (named after their SQL), so PostgreSQL plans each query shape once
 * per connection instead of on every call. Prisma's SQL is parameterised, so the set of names
 * stays small. It roughly halves a simple list query's latency here, and removes the planning
 * cost row-level security adds (see bench/tenant-scope.ts).
 * Not for PgBouncer in transaction mode, which cannot keep prepared statements.
 */
export const adapterOptions: ConstructorParameters<typeof PrismaPg>[1] = {
  statementNameGenerator: (query: { sql: string }) => statementName(query.sql),
};

/**
 * Plain SQL for the paths a caller waits on in silence (the voice agent's answers): the
 * statement `$queryRaw` would send, handed straight to pg without the ORM's per-query engine
 * work, which costs 0.2–0.4 ms of CPU per statement here (more than the statement itself).
 * Same template syntax and parameters as `$queryRaw`, named prepared statements as above. Rows
 * come as pg parses them: int8 and numeric as strings, json parsed, timestamps as Date. Never
 * inside an interactive transaction: it runs on a connection of its own.
 */
export type Sql = <T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => Promise<T[]>;

/**
 * For records whose loss in a database crash a retry or a later message makes good (a call's
 * first row, a tool call's claim and answer): the statement commits without waiting for its WAL
 * flush, which on a busy clinic line is most of its time. The WAL is one sequence, so any durable
 * commit after it (the booking the claim guards) flushes it too: it can only be lost together
 * with everything that came after it. Use as `WITH ${quickCommit} INSERT … SELECT … FROM
 * quick_commit`: the CTE must be read to run, and its setting ends with the statement.
 */
export const quickCommit = Prisma.sql`quick_commit AS (SELECT set_config('synchronous_commit', 'off', true))`;

/** `Sql` over a pool (anything with pg.Pool's `query(config)`). */
export function sqlOver(pool: { query(config: pg.QueryConfig): Promise<pg.QueryResult> }): Sql {
  return async <T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const statement = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
    const result = await pool.query({
      name: statementName(statement.text),
      text: statement.text,
      values: statement.values,
    });
    return result.rows as T[];
  };
}

const serialized = new WeakSet<pg.PoolClient>();

/**
 * Makes one connection run its queries strictly one after another. Prisma's query interpreter
 * reads an `include` with several relations in parallel (Promise.all over the children), which
 * inside an interactive transaction means concurrent `client.query()` calls on one connection:
 * pg queues them today with a deprecation warning and will refuse them in pg 9. Chaining them
 * here keeps every transaction's statements in order whatever the ORM does.
 */
export function serializeQueries(client: pg.PoolClient): pg.PoolClient {
  if (serialized.has(client)) return client;
  serialized.add(client);
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    // Callback and streaming (Submittable) calls keep pg's own behaviour; Prisma uses neither.
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args.at(-1) === "function" || typeof first?.submit === "function") return query(...args);
    const run = tail.then(() => query(...args));
    tail = run.catch(() => {});
    return run;
  }) as typeof client.query;
  return client;
}

/** A pg pool whose connections run one query at a time (see `serializeQueries`). */
export class SerialPool extends pg.Pool {
  // pg.Pool#query calls connect() with a callback; the adapter's transactions await it.
  // @ts-expect-error one implementation for pg's two overloads
  override connect(callback?: (error: Error | undefined, client: pg.PoolClient | undefined, done: () => void) => void) {
    if (!callback) return super.connect().then(serializeQueries);
    super.connect((error, client, done) =>
      callback(error, client ? serializeQueries(client) : client, done as () => void),
    );
  }
}

/**
 * A client that sees every tenant. Only platform code (webhook intake, job plumbing, seeding,
 * health) may hold one; procedures and job handlers get a tenant-scoped client instead, which
 * is why this is not simply called `createDb`.
 */
export function createRootDb(databaseUrl: string, options: { max?: number; connectionTimeoutMillis?: number } = {}) {
  const pool = new SerialPool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    // Fail fast when PostgreSQL is unreachable instead of hanging a request.
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
  });
  const adapter = new PrismaPg(pool as unknown as pg.Pool, { ...adapterOptions, disposeExternalPool: true });
  return Object.assign(new PrismaClient({ adapter }), { sql: sqlOver(pool) }) as RootDb;
}
