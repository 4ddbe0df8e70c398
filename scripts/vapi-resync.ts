// For operators: queue "resync everything" (register the tools, then sync every assistant of
// every active clinic). A running worker picks it up; it is idempotent, so running it twice
// costs only the checks. Usage: DATABASE_URL=… npm run vapi:resync
import { createRootDb } from "@frontdesk/core/db";
import { loadEnvOrExit } from "@frontdesk/core/env";
import { enqueue } from "@frontdesk/core/queue";

const env = loadEnvOrExit(["DATABASE_URL"]);
const db = createRootDb(env.DATABASE_URL, { max: 1 });
// One at a time: a second request while one is queued replaces it.
const { id } = await enqueue(db, "vapi:resync-all", {}, { jobKey: "vapi:resync-all" });
console.log(`queued vapi:resync-all (job ${id}); the worker registers the tools and queues every assistant's sync`);
await db.$disconnect();
