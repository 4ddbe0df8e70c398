import { createRootDb, type RootDb } from "@frontdesk/core/db";
import { env } from "../env";

// One pool per server process; dev hot reload would otherwise open a new one per edit.
const cache = globalThis as unknown as { frontdeskRootDb?: RootDb };

/** Platform-level access (auth, health). Org data goes through the tenant-scoped client. */
export function rootDb(): RootDb {
  cache.frontdeskRootDb ??= createRootDb(env().DATABASE_URL);
  return cache.frontdeskRootDb;
}
