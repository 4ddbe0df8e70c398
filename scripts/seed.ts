// npm run seed — the demo clinic, into DATABASE_URL (idempotent).
import { seedDemoClinic } from "@frontdesk/core";
import { createRootDb } from "@frontdesk/core/db";
import { loadEnvOrExit } from "@frontdesk/core/env";
import { loadDotEnv } from "./lib/dotenv";

loadDotEnv();
const env = loadEnvOrExit(["DATABASE_URL"]);
const db = createRootDb(env.DATABASE_URL);
const demo = await seedDemoClinic(db);
await db.$disconnect();
const history = demo.history.created
  ? ` with nine weeks of history (${demo.history.calls} calls, ${demo.history.appointments} appointments)`
  : "";
console.log(
  `${demo.created ? "seeded" : "found"} the demo clinic${history}; sign in as ${demo.email} / ${demo.password}`,
);
