// npm run migrate:create -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the schema
// of the latest migration to prisma/schema.prisma, and a copy of schema.prisma beside it (the
// starting point of the next one). The schema engine wants a database connection although it
// reads nothing from it: DATABASE_URL, or the embedded development server. Add hand-written SQL (policies,
// constraints, triggers) below the generated part.
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffSchema, isEmptyMigration, latestSnapshot, SNAPSHOT_FILE } from "@frontdesk/core/migrate";
import { migrationPaths, repoRoot } from "./lib/migrations";
import { devServer } from "./lib/postgres";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error(
    "usage: npm run migrate:create -- <name>   (lower-case letters, digits and _ only, e.g. add_call_tags)",
  );
  process.exit(2);
}

const server = process.env.DATABASE_URL
  ? { adminUrl: process.env.DATABASE_URL, stop: async () => {} }
  : await devServer();
const sql = await diffSchema(server.adminUrl, migrationPaths, await latestSnapshot(migrationPaths)).finally(() =>
  server.stop(),
);
if (isEmptyMigration(sql)) {
  console.log("prisma/schema.prisma matches the latest migration: nothing to create");
} else {
  // Migrations apply in name order: never sort before the latest one, whatever the clock says.
  const latest = (await readdir(migrationPaths.migrationsDir))
    .filter((n) => /^\d{14}_/.test(n))
    .sort()
    .at(-1);
  const now = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const stamp = latest && latest.slice(0, 14) >= now ? String(BigInt(latest.slice(0, 14)) + 1n) : now;
  const dir = path.join(migrationPaths.migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await copyFile(migrationPaths.schemaPath, path.join(dir, SNAPSHOT_FILE));
  console.log(`created ${path.relative(repoRoot, dir)}/migration.sql`);
}
