// npm run migrate — applies pending migrations to DATABASE_URL (what `prisma migrate deploy`
// does, without the native engine), then graphile-worker's own schema.
import { loadEnvOrExit } from "@frontdesk/core/env";
import { loadDotEnv } from "./lib/dotenv";
import { migrateDatabase } from "./lib/migrations";

loadDotEnv();
const env = loadEnvOrExit(["DATABASE_URL"]);
const applied = await migrateDatabase(env.DATABASE_URL);
console.log(applied.length ? `applied ${applied.length}: ${applied.join(", ")}` : "database is up to date");
