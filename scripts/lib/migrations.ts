import { fileURLToPath } from "node:url";
import { applyMigrations, defaultMigrationPaths } from "@frontdesk/core/migrate";
import { migrateQueue } from "@frontdesk/core/queue";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const migrationPaths = defaultMigrationPaths(repoRoot);

/** Brings a database fully up to date: our schema, then graphile-worker's. */
export async function migrateDatabase(databaseUrl: string) {
  const applied = await applyMigrations(databaseUrl, migrationPaths);
  await migrateQueue(databaseUrl);
  return applied;
}
