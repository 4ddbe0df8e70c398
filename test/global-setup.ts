// One PostgreSQL server for the integration run: DATABASE_URL's server when set, otherwise a
// throwaway embedded one. A template database is migrated once; every test file clones it
// (CREATE DATABASE … TEMPLATE takes milliseconds), so files run in parallel and never share rows.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../scripts/lib/migrations";
import { createDatabase, databaseUrl, dropDatabase, startEmbeddedPostgres } from "../scripts/lib/postgres";

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

export default async function setup(project: TestProject) {
  let stopServer = async () => {};
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "frontdesk-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    adminUrl = server.adminUrl;
    stopServer = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const template = `frontdesk_tpl_${process.pid}`;
  await dropDatabase(adminUrl, template);
  await createDatabase(adminUrl, template);
  await migrateDatabase(databaseUrl(adminUrl, template));
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", template);

  return async () => {
    await dropDatabase(adminUrl, template).catch(() => {});
    await stopServer();
  };
}
