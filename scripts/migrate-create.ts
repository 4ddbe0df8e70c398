// npm run migrate:create -- <name> [--empty]
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the change from the migrations
// to prisma/schema.prisma, found the way `prisma migrate dev` finds it: the migrations applied
// to a throwaway shadow database (on DATABASE_URL's server, or on a throwaway embedded one),
// diffed against the schema. Nothing is written when they match. --empty writes a file for
// hand-written SQL only (policies, triggers, constraints); add such SQL below the generated
// part of a generated migration too.
import path from "node:path";
import { loadDotEnv } from "./lib/dotenv";
import { createMigration, repoRoot } from "./lib/migrations";
import { testServer } from "./lib/postgres";

const args = process.argv.slice(2);
const empty = args.includes("--empty");
const [name, ...rest] = args.filter((a) => a !== "--empty");
if (!name || rest.length || !/^[a-z0-9_]+$/.test(name)) {
  console.error(
    "usage: npm run migrate:create -- <name> [--empty]   (name: lower-case letters, digits and _, e.g. add_call_tags)",
  );
  process.exit(2);
}

loadDotEnv();
// Not the development cluster: `npm run dev` may be using it, and stopping it would stop that.
const server = empty ? undefined : await testServer(process.env.DATABASE_URL);
const dir = await createMigration(name, { serverUrl: server?.adminUrl, empty }).finally(() => server?.stop());
console.log(
  dir
    ? `created ${path.relative(repoRoot, dir)}/migration.sql`
    : "prisma/schema.prisma matches the migrations: nothing to create",
);
