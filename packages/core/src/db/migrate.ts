// Offline migrations. `prisma migrate` needs a native schema-engine binary that cannot be
// downloaded here, so we drive Prisma's own schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) through the pg driver adapter. It writes the same
// `_prisma_migrations` table as `prisma migrate deploy`, so a machine with the normal CLI
// sees the same history.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

type SchemaEngine = {
  diff(input: unknown): Promise<{ exitCode: number; stdout: string }>;
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
};

export type MigrationPaths = { schemaPath: string; migrationsDir: string };

export const defaultMigrationPaths = (root: string): MigrationPaths => ({
  schemaPath: path.join(root, "prisma", "schema.prisma"),
  migrationsDir: path.join(root, "prisma", "migrations"),
});

const filters = { externalTables: [], externalEnums: [] };

let enginePromise: Promise<{ new: (...args: unknown[]) => Promise<SchemaEngine> }> | undefined;

/** Runs in progress, told when the engine panics. */
const panicListeners = new Set<(message: string) => void>();

// The package's own entry imports the .wasm file as an ES module, which Node 20 only allows
// behind --experimental-wasm-modules. Instantiating the bytes ourselves needs no flag.
function loadEngineClass() {
  enginePromise ??= (async () => {
    // Where the engine reports a Rust panic before it traps; the trap happens in a callback,
    // so without this the run's promise would never settle.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => {
        for (const listener of panicListeners) listener(message);
      },
    };
    const require = createRequire(import.meta.url);
    const entry = require.resolve("@prisma/schema-engine-wasm");
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    const imports: WebAssembly.ModuleImports = { ...bindings };
    // The engine arms a 10 s timer per run that it never clears; unreferenced, it no longer
    // keeps a script alive for 10 s after its work is done.
    for (const name of Object.keys(imports).filter((n) => n.startsWith("__wbg_setTimeout_"))) {
      imports[name] = (run: () => void, ms: number) => setTimeout(run, ms >>> 0).unref();
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings.SchemaEngine as unknown as { new: (...args: unknown[]) => Promise<SchemaEngine> };
  })();
  return enginePromise;
}

const CHAR_OID = 18;
const TEXT_OID = 25;
const CHAR_COLUMNS = Symbol("char columns");

/**
 * The engine reads pg_catalog's one-byte "char" columns (pg_constraint.contype, confdeltype…)
 * as single characters. The pg adapter has no mapping for that type and refuses the result;
 * reported as plain text instead, the engine panics on its constraints query ("Getting
 * constraint_type … as char failed") once that returns a row: every CHECK or EXCLUDE
 * constraint, and on PostgreSQL 18 every NOT NULL column too (prisma/orm#29635). So the client
 * passes them on as text, remembering which columns they were, and the adapter below reports
 * those columns to the engine as characters.
 */
class CatalogClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; we only post-process.
  override query(...args: any[]): any {
    const retype = (res: pg.QueryResult | undefined) => {
      const chars: number[] = [];
      res?.fields?.forEach((field, i) => {
        if (field.dataTypeID !== CHAR_OID) return;
        field.dataTypeID = TEXT_OID;
        chars.push(i);
      });
      // The adapter hands this rows array back unchanged in its result.
      if (res && chars.length) Object.defineProperty(res.rows, CHAR_COLUMNS, { value: chars });
      return res;
    };
    const last = args.at(-1);
    // pg.Pool#query passes a callback; a direct client.query returns a promise.
    if (typeof last === "function") {
      args[args.length - 1] = (error: Error | null, res: pg.QueryResult) => last(error, retype(res));
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const result = (super.query as any)(...args);
    return result instanceof Promise ? result.then(retype) : result;
  }
}

/**
 * The pg adapter as the engine needs it: "char" columns reported as characters (see
 * CatalogClient), and scripts run whole. The adapter runs a migration script by splitting it
 * on ";", which breaks any dollar-quoted function body and applies the statements one by one;
 * `prisma migrate deploy` sends the script as one simple query instead, which PostgreSQL runs
 * atomically, and so do we.
 */
function migrationAdapter(databaseUrl: string, opened: { dispose(): Promise<void> }[]) {
  const factory = new PrismaPg({ connectionString: databaseUrl, Client: CatalogClient } as pg.PoolConfig);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => {
      const result = await queryRaw(query);
      for (const i of (result.rows as { [CHAR_COLUMNS]?: number[] })[CHAR_COLUMNS] ?? []) {
        result.columnTypes[i] = ColumnTypeEnum.Character;
      }
      return result;
    };
    const driver = adapter.underlyingDriver() as pg.Pool;
    adapter.executeScript = async (script: string) => {
      try {
        await driver.query(script);
      } catch (error) {
        // The adapter's own error conversion, so the engine reports it as usual.
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}

async function withEngine<T>(
  databaseUrl: string,
  paths: MigrationPaths,
  run: (engine: SchemaEngine, schema: string) => Promise<T>,
): Promise<T> {
  const SchemaEngineClass = await loadEngineClass();
  const schema = await readFile(paths.schemaPath, "utf8");
  // The engine never closes its connections; we do, so the database can be dropped or
  // used as a template right after.
  const opened: { dispose(): Promise<void> }[] = [];
  const engine = await SchemaEngineClass.new(
    { datamodels: [[paths.schemaPath, schema]] },
    () => {},
    migrationAdapter(databaseUrl, opened),
  );
  let crashed = false;
  let fail: (error: Error) => void = () => {};
  const panicked = new Promise<never>((_, reject) => {
    fail = reject;
  });
  const onPanic = (message: string) => {
    crashed = true;
    fail(new Error(`the Prisma schema engine crashed: ${message}`));
  };
  panicListeners.add(onPanic);
  try {
    return await Promise.race([run(engine, schema), panicked]);
  } finally {
    panicListeners.delete(onPanic);
    // After a panic the engine is still borrowed by the call that trapped: it cannot be freed.
    if (!crashed) engine.free();
    await Promise.all(opened.map((a) => a.dispose()));
  }
}

async function migrationNames(migrationsDir: string) {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function listMigrations(migrationsDir: string) {
  const dirs = await migrationNames(migrationsDir);
  return Promise.all(
    dirs.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  );
}

/** Applies pending migrations; returns the names of those applied now. */
export async function applyMigrations(databaseUrl: string, paths: MigrationPaths): Promise<string[]> {
  return withEngine(databaseUrl, paths, async (engine) => {
    const lockPath = path.join(paths.migrationsDir, "migration_lock.toml");
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: paths.migrationsDir,
        lockfile: { path: lockPath, content: await readFile(lockPath, "utf8").catch(() => null) },
        shadowDbInitScript: "",
        migrationDirectories: await listMigrations(paths.migrationsDir),
      },
      filters,
    });
    return result.appliedMigrationNames;
  });
}

/**
 * The SQL that takes a database from the schema `fromSchema` (the snapshot stored with the
 * latest migration; null before the first) to the current schema.prisma. Two datamodels are
 * compared, no database is read: introspecting a live one through the driver adapter crashes
 * the engine on CHECK and EXCLUDE constraints, and our migrations have both.
 */
export async function diffSchema(
  /** The engine insists on a live connection even for this; it reads nothing from it. */
  databaseUrl: string,
  paths: MigrationPaths,
  fromSchema: string | null,
): Promise<string> {
  return withEngine(databaseUrl, paths, async (engine, schema) => {
    const datamodel = (content: string) => ({
      tag: "schemaDatamodel",
      files: [{ path: paths.schemaPath, content }],
    });
    const result = await engine.diff({
      from: fromSchema === null ? { tag: "empty" } : datamodel(fromSchema),
      to: datamodel(schema),
      script: true,
      exitCode: null,
      filters,
    });
    return result.stdout;
  });
}

export const SNAPSHOT_FILE = "schema.prisma";

/** The schema as of the latest migration (each migration keeps a copy beside its SQL). */
export async function latestSnapshot(paths: MigrationPaths): Promise<string | null> {
  const dirs = await migrationNames(paths.migrationsDir);
  const latest = dirs.at(-1);
  if (!latest) return null;
  return readFile(path.join(paths.migrationsDir, latest, SNAPSHOT_FILE), "utf8");
}

/** True when the SQL only says there is nothing to do. */
export const isEmptyMigration = (sql: string) => /^(--[^\n]*\n?|\s)*$/.test(sql);
