// Shared by the benchmarks: a fresh, migrated database on the run's PostgreSQL server
// (DATABASE_URL's, or a throwaway embedded one), and the numbers they print.
import pg from "pg";
import { migrateDatabase } from "../scripts/lib/migrations";
import { createDatabase, databaseUrl, dropDatabase, testServer } from "../scripts/lib/postgres";

export async function withBenchDatabase(run: (url: string) => Promise<void>) {
  const server = await testServer();
  const name = `frontdesk_bench_${process.pid}`;
  await createDatabase(server.adminUrl, name);
  try {
    const url = databaseUrl(server.adminUrl, name);
    await migrateDatabase(url);
    await run(url);
  } finally {
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  }
}

export const percentile = (samples: number[], p: number) =>
  [...samples].sort((a, b) => a - b)[Math.floor((samples.length - 1) * p)] as number;

export const latencyRow = (label: string, samples: number[]) =>
  `  ${label.padEnd(22)} p50 ${percentile(samples, 0.5).toFixed(2).padStart(8)} ms   p90 ${percentile(samples, 0.9).toFixed(2).padStart(8)} ms   p99 ${percentile(samples, 0.99).toFixed(2).padStart(8)} ms`;

export async function timed<T>(fn: () => Promise<T>, samples: number[]) {
  const started = process.hrtime.bigint();
  const result = await fn();
  samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  return result;
}

/**
 * Counts every statement this process sends from here on (BEGIN/COMMIT and the tenant pool's
 * clinic switch included): all of them pass through pg.Client#query. Returns the running count.
 */
export function countStatements() {
  let statements = 0;
  const clientQuery = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof clientQuery;
  return () => statements;
}
