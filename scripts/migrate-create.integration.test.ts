import { appendFile, cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it, type TestContext } from "vitest";
import { createMigration, repoRoot } from "./lib/migrations";
import { testServer } from "./lib/postgres";

/** A scratch copy of prisma/ (schema and migrations), deleted after the test. */
async function prismaCopy({ onTestFinished }: TestContext) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "frontdesk-prisma-"));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await cp(path.join(repoRoot, "prisma"), dir, { recursive: true });
  const paths = { schemaPath: path.join(dir, "schema.prisma"), migrationsDir: path.join(dir, "migrations") };
  return { paths, migrations: () => readdir(paths.migrationsDir) };
}

const serverUrl = () => inject("pgAdminUrl");

// Hand-written SQL of the kinds the migrations hold: CHECK and EXCLUDE constraints, a trigger
// with a dollar-quoted body, a policy, an expression index, and an index and a foreign key
// that schema.prisma does not model, marked as hand-written.
const HAND_WRITTEN_SQL = `
ALTER TABLE "patients" ADD CONSTRAINT "patients_named" CHECK ("firstName" <> '' OR "lastName" <> '');
ALTER TABLE "patients" ADD CONSTRAINT "patients_one_email" EXCLUDE USING btree ("email" WITH =);
CREATE FUNCTION "patients_trim_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."lastName" := trim(NEW."lastName");
  RETURN NEW;
END
$$;
CREATE TRIGGER "patients_trim_name" BEFORE INSERT OR UPDATE ON "patients"
  FOR EACH ROW EXECUTE FUNCTION "patients_trim_name"();
CREATE POLICY "patients_read_all" ON "patients" FOR SELECT USING (true);
CREATE INDEX "patients_email_lower" ON "patients" (lower("email"));
CREATE INDEX "patients_created_idx" ON "patients" ("createdAt");
COMMENT ON INDEX "patients_created_idx" IS 'hand-written: newest patients first';
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_patient_again"
  FOREIGN KEY ("patientId") REFERENCES "patients" ("id");
COMMENT ON CONSTRAINT "sms_messages_patient_again" ON "sms_messages" IS 'hand-written: a second key';
`;

describe.concurrent("npm run migrate:create", () => {
  it("creates nothing for the repo: the migrations produce exactly schema.prisma", async (t) => {
    const { paths, migrations } = await prismaCopy(t);
    const before = await migrations();
    expect(await createMigration("nothing", { serverUrl: serverUrl(), paths })).toBeNull();
    expect(await migrations()).toEqual(before);
  });

  it("creates nothing on PostgreSQL 18 either, whose pg_constraint lists every NOT NULL column", async (t) => {
    // `npm run dev` and machines without DATABASE_URL run embedded PostgreSQL 18, where the
    // engine used to crash on those rows (prisma/orm#29635).
    const server = await testServer("");
    t.onTestFinished(() => server.stop());
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    const { rows } = await client.query("SELECT current_setting('server_version_num')::int AS version");
    await client.end();
    expect(rows[0].version).toBeGreaterThanOrEqual(180000);
    const { paths, migrations } = await prismaCopy(t);
    const before = await migrations();
    expect(await createMigration("nothing", { serverUrl: server.adminUrl, paths })).toBeNull();
    expect(await migrations()).toEqual(before);
  }, 120_000);

  it("writes a schema.prisma change as a migration of SQL alone, which then produces the schema", async (t) => {
    const { paths, migrations } = await prismaCopy(t);
    const before = await migrations();
    await appendFile(
      paths.schemaPath,
      '\nmodel MigrateProbe {\n  id    String @id @db.Uuid\n  label String\n\n  @@map("migrate_probes")\n}\n',
    );
    const dir = await createMigration("add_probe", { serverUrl: serverUrl(), paths });
    if (!dir) throw new Error("no migration written for a schema change");
    expect(path.basename(dir)).toMatch(/^\d{14}_add_probe$/);
    expect(path.basename(dir) > (before.filter((n) => /^\d/.test(n)).at(-1) ?? "")).toBe(true);
    expect(await readdir(dir)).toEqual(["migration.sql"]);
    const sql = await readFile(path.join(dir, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "migrate_probes"');
    expect(sql).toContain('"label" TEXT NOT NULL');
    expect(sql).not.toMatch(/DROP/);

    expect(await createMigration("again", { serverUrl: serverUrl(), paths })).toBeNull();
  });

  it("--empty writes a migration for hand-written SQL, which is neither drift nor undone next time", async (t) => {
    const { paths, migrations } = await prismaCopy(t);
    const dir = await createMigration("hand_written", { empty: true, paths });
    if (!dir) throw new Error("--empty wrote nothing");
    expect(await readdir(dir)).toEqual(["migration.sql"]);
    expect(await readFile(path.join(dir, "migration.sql"), "utf8")).toMatch(/^(--[^\n]*\n)+$/);
    await appendFile(path.join(dir, "migration.sql"), HAND_WRITTEN_SQL);
    const before = await migrations();

    // Applies the hand-written migration to a shadow database, and finds nothing to undo.
    expect(await createMigration("after_hand_written", { serverUrl: serverUrl(), paths })).toBeNull();
    expect(await migrations()).toEqual(before);
  });

  it("drops a hand-written index that schema.prisma lacks and no comment marks, as Prisma does", async (t) => {
    const { paths } = await prismaCopy(t);
    const dir = await createMigration("unmarked_index", { empty: true, paths });
    if (!dir) throw new Error("--empty wrote nothing");
    await appendFile(
      path.join(dir, "migration.sql"),
      'CREATE INDEX "patients_created_idx" ON "patients" ("createdAt");\n',
    );
    const next = await createMigration("after_unmarked", { serverUrl: serverUrl(), paths });
    if (!next) throw new Error("the unmarked index was not seen");
    expect(await readFile(path.join(next, "migration.sql"), "utf8")).toContain('DROP INDEX "patients_created_idx";');
  });
});
