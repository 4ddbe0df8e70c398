import { randomBytes } from "node:crypto";
import { createRootDb, type RootDb } from "@frontdesk/core/db";
import { afterAll, beforeAll, inject } from "vitest";
import { createDatabase, databaseUrl, dropDatabase } from "../scripts/lib/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser URL of the test run's PostgreSQL server (see global-setup.ts). */
    pgAdminUrl: string;
    /** The migrated template database each test file clones. */
    pgTemplate: string;
  }
}

export type TestDatabase = { url: string; name: string; db: RootDb };

/**
 * A fresh, fully migrated database for the calling test file, dropped when it finishes.
 * Use inside a describe block or at the top of the file.
 */
export function useTestDatabase(): TestDatabase {
  const adminUrl = inject("pgAdminUrl");
  const name = `frontdesk_t_${randomBytes(6).toString("hex")}`;
  const handle = { url: databaseUrl(adminUrl, name), name } as TestDatabase;
  beforeAll(async () => {
    await createDatabase(adminUrl, name, { template: inject("pgTemplate") });
    handle.db = createRootDb(handle.url);
  });
  afterAll(async () => {
    await handle.db?.$disconnect();
    await dropDatabase(adminUrl, name);
  });
  return handle;
}

/** Polls until `check` returns a value (not undefined/false) or the deadline passes (generous: a
 * spawned worker compiles its TypeScript first, which takes seconds on a loaded 2-core machine). */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  { timeoutMs = 45_000, what = "condition" } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
