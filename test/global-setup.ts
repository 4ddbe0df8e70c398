// One PostgreSQL server for the integration run: DATABASE_URL's server when set, otherwise a
// throwaway embedded one. A template database is migrated once; every test file clones it
// (CREATE DATABASE … TEMPLATE takes milliseconds), so files run in parallel and never share rows.
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../scripts/lib/migrations";
import { createDatabase, databaseUrl, dropDatabase, testServer } from "../scripts/lib/postgres";

export default async function setup(project: TestProject) {
  const server = await testServer();
  const template = `frontdesk_tpl_${process.pid}`;
  await dropDatabase(server.adminUrl, template);
  await createDatabase(server.adminUrl, template);
  await migrateDatabase(databaseUrl(server.adminUrl, template));
  project.provide("pgAdminUrl", server.adminUrl);
  project.provide("pgTemplate", template);

  return async () => {
    await dropDatabase(server.adminUrl, template).catch(() => {});
    await server.stop();
  };
}
