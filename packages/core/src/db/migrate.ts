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

async function listMigrations(migrationsDir: string) {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  return Promise.all(
    names.sort().map(async (name) => ({
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
 * The SQL that takes the database at `databaseUrl` to schema.prisma, as
 * `prisma migrate diff --from-config-datasource --to-schema` writes it; empty (comments only)
 * when they match. Run on a database holding exactly the migrations, this is the next
 * migration. Drops of hand-written objects are left out (see handWrittenDrops).
 */
export async function diffDatabase(databaseUrl: string, paths: MigrationPaths): Promise<string> {
  const sql = await withEngine(databaseUrl, paths, async (engine, schema) => {
    const files = [{ path: paths.schemaPath, content: schema }];
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: path.dirname(paths.schemaPath) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters,
    });
    return result.stdout;
  });
  const undoHandWritten = await handWrittenDrops(databaseUrl);
  // The engine writes one step per paragraph, each under a "-- StepName" line.
  const steps = sql.split(/\n\n(?=-- )/);
  const kept = steps.filter((step) => !undoHandWritten.has(step.replace(/^--[^\n]*\n/, "").trim()));
  return kept.length === steps.length ? sql : kept.join("\n\n");
}

const HAND_WRITTEN = "hand-written";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Prisma's diff sees every index and foreign key, so one that schema.prisma does not model
 * (the same-clinic keys) would be dropped again by the next generated migration. A COMMENT
 * starting with "hand-written" marks it as added by hand on purpose; these are the drop
 * statements the engine would write for the marked ones. CHECK and EXCLUDE constraints,
 * policies and triggers need no mark: the engine ignores them.
 */
async function handWrittenDrops(databaseUrl: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string | null; name: string }>(
      `SELECT NULL AS table_name, i.relname AS name
         FROM pg_class i
        WHERE i.relkind = 'i' AND i.relnamespace = current_schema()::regnamespace
          AND obj_description(i.oid, 'pg_class') LIKE $1
       UNION ALL
       SELECT t.relname, c.conname
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE c.connamespace = current_schema()::regnamespace
          AND obj_description(c.oid, 'pg_constraint') LIKE $1`,
      [`${HAND_WRITTEN}%`],
    );
    return new Set(
      rows.map(({ table_name, name }) =>
        table_name === null
          ? `DROP INDEX ${quote(name)};`
          : `ALTER TABLE ${quote(table_name)} DROP CONSTRAINT ${quote(name)};`,
      ),
    );
  } finally {
    await client.end();
  }
}

/** True when the SQL only says there is nothing to do. */
export const isEmptyMigration = (sql: string) => /^(--[^\n]*\n?|\s)*$/.test(sql);
