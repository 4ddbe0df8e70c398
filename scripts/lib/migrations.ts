import { randomUUID } from "node:crypto";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  applyMigrations,
  defaultMigrationPaths,
  diffDatabase,
  isEmptyMigration,
  type MigrationPaths,
} from "@frontdesk/core/migrate";
import { migrateQueue } from "@frontdesk/core/queue";
import { ensureTenantLogin } from "@frontdesk/core/tenancy";
import { createDatabase, databaseUrl, dropDatabase } from "./postgres";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const migrationPaths = defaultMigrationPaths(repoRoot);

/** Brings a database fully up to date: our schema, then graphile-worker's, then the tenant login. */
export async function migrateDatabase(databaseUrl: string) {
  const applied = await applyMigrations(databaseUrl, migrationPaths);
  await migrateQueue(databaseUrl);
  await ensureTenantLogin(databaseUrl);
  return applied;
}

/**
 * What `prisma migrate diff --from-migrations … --to-schema …` prints: the migrations applied
 * to a throwaway shadow database on the server at `serverUrl`, diffed against schema.prisma.
 * Comments only when they match.
 */
async function schemaChangeSql(serverUrl: string, paths: MigrationPaths) {
  const shadow = `frontdesk_shadow_${randomUUID().replaceAll("-", "")}`;
  await createDatabase(serverUrl, shadow);
  try {
    const url = databaseUrl(serverUrl, shadow);
    await applyMigrations(url, paths);
    return await diffDatabase(url, paths);
  } finally {
    await dropDatabase(serverUrl, shadow);
  }
}

const HAND_WRITTEN_TEMPLATE = `-- Hand-written SQL: policies, triggers, constraints, data. Prisma ignores CHECK and EXCLUDE
-- constraints, policies and triggers; an index or foreign key that schema.prisma does not
-- model needs COMMENT ON … IS 'hand-written: <why>', or the next migrate:create drops it.
`;

/**
 * `npm run migrate:create`: writes <migrationsDir>/<timestamp>_<name>/migration.sql holding the
 * schema change (null when there is none), or with `empty` a file for hand-written SQL.
 */
export async function createMigration(
  name: string,
  options: { serverUrl?: string; empty?: boolean; paths?: MigrationPaths },
) {
  const paths = options.paths ?? migrationPaths;
  let sql = HAND_WRITTEN_TEMPLATE;
  if (!options.empty) {
    if (!options.serverUrl) throw new Error("a PostgreSQL server is needed for the shadow database");
    sql = await schemaChangeSql(options.serverUrl, paths);
    if (isEmptyMigration(sql)) return null;
  }
  // Migrations apply in name order: never sort before the latest one, whatever the clock says.
  const latest = (await readdir(paths.migrationsDir))
    .filter((n) => /^\d{14}_/.test(n))
    .sort()
    .at(-1);
  const now = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const stamp = latest && latest.slice(0, 14) >= now ? String(BigInt(latest.slice(0, 14)) + 1n) : now;
  const dir = path.join(paths.migrationsDir, `${stamp}_${name}`);
  await mkdir(dir);
  await writeFile(path.join(dir, "migration.sql"), sql);
  return dir;
}
