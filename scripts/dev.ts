// npm run dev — everything Frontdesk needs on one machine, in one terminal:
// PostgreSQL (embedded under .data/ unless DATABASE_URL is set), migrations, the demo clinic,
// then the web app, the worker and (unless PUSHER_* points elsewhere) the local realtime server.
// Ctrl-C stops the apps first and the database last.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { seedDemoClinic } from "@frontdesk/core";
import { createRootDb } from "@frontdesk/core/db";
import { loadDotEnv } from "./lib/dotenv";
import { migrateDatabase, repoRoot } from "./lib/migrations";
import { createDatabase, databaseUrl, devServer } from "./lib/postgres";

const say = (message: string) => console.log(`[dev] ${message}`);

loadDotEnv();
// Development-only secrets are made once and kept beside the embedded database, so data
// encrypted in one run still decrypts in the next.
const devEnvFile = path.join(repoRoot, ".data", "dev.env");
await mkdir(path.dirname(devEnvFile), { recursive: true });
if (existsSync(devEnvFile)) process.loadEnvFile(devEnvFile);
for (const [name, make] of [
  ["ENCRYPTION_KEY", () => randomBytes(32).toString("hex")],
  ["NEXTAUTH_SECRET", () => randomBytes(32).toString("base64url")],
  // What `npm run simulate:call` signs its Vapi messages with.
  ["VAPI_WEBHOOK_SECRET", () => randomBytes(24).toString("hex")],
] as const) {
  if (process.env[name]) continue;
  process.env[name] = make();
  await appendFile(devEnvFile, `${name}=${process.env[name]}\n`, { mode: 0o600 });
}

// No Pusher configured: run the repo's own Pusher-protocol server (apps/realtime) on this machine.
const localRealtime = !process.env.PUSHER_KEY && !process.env.PUSHER_HOST;
if (localRealtime) {
  process.env.PUSHER_APP_ID = "frontdesk-dev";
  process.env.PUSHER_KEY = "frontdesk-dev-key";
  process.env.PUSHER_HOST = "127.0.0.1";
  process.env.PUSHER_PORT ??= "6001";
  if (!process.env.PUSHER_SECRET) {
    process.env.PUSHER_SECRET = randomBytes(24).toString("base64url");
    await appendFile(devEnvFile, `PUSHER_SECRET=${process.env.PUSHER_SECRET}\n`, { mode: 0o600 });
  }
}

const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;

let server: Awaited<ReturnType<typeof devServer>> | undefined;
let url = process.env.DATABASE_URL;
if (url) {
  say("using the database at DATABASE_URL");
} else {
  server = await devServer();
  await createDatabase(server.adminUrl, "frontdesk", { ifMissing: true });
  url = databaseUrl(server.adminUrl, "frontdesk");
  say(`embedded PostgreSQL is up (data in .data/postgres, port ${new URL(url).port})`);
}

const applied = await migrateDatabase(url);
say(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
const db = createRootDb(url);
const demo = await seedDemoClinic(db);
await db.$disconnect();
say(demo.created ? "seeded the demo clinic" : "demo clinic already present");
if (demo.history.created)
  say(`gave it nine weeks of history: ${demo.history.calls} calls, ${demo.history.appointments} appointments`);

const env = {
  ...process.env,
  DATABASE_URL: url,
  APP_URL: appUrl,
  NEXTAUTH_URL: appUrl,
  PORT: String(port),
  NEXT_TELEMETRY_DISABLED: "1",
};
const children = new Map<string, ChildProcess>();

function start(name: string, command: string, args: string[]) {
  // Own process group: a Ctrl-C reaches this script, which then stops the apps in order.
  const child = spawn(command, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const prefix = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
    let buffered = "";
    stream.on("data", (chunk: Buffer) => {
      const lines = (buffered + chunk.toString()).split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  if (child.stdout) prefix(child.stdout, process.stdout);
  if (child.stderr) prefix(child.stderr, process.stderr);
  child.on("exit", (code, signal) => {
    children.delete(name);
    if (!stopping) {
      say(`${name} exited (${signal ?? `code ${code}`}); stopping everything`);
      void stop(1);
    }
  });
  children.set(name, child);
}

let stopping = false;
async function stop(exitCode: number) {
  if (stopping) return;
  stopping = true;
  say(`stopping ${[...children.keys()].join(", ")}…`);
  const exits = [...children.values()].map(
    (child) =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        const kill = (signal: NodeJS.Signals) => {
          if (child.pid) {
            try {
              process.kill(-child.pid, signal);
            } catch {}
          }
        };
        kill("SIGTERM");
        setTimeout(() => kill("SIGKILL"), 10_000).unref();
      }),
  );
  await Promise.all(exits);
  if (server) {
    say("stopping PostgreSQL…");
    await server.stop();
  }
  say("stopped");
  process.exit(exitCode);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);
start("web", bin("next"), ["dev", "apps/web", "--port", String(port)]);
// Node itself with tsx as a loader (not the tsx CLI), so signals reach the worker directly.
start("worker", process.execPath, ["--import", "tsx", "apps/worker/src/main.ts"]);
if (localRealtime) start("realtime", process.execPath, ["--import", "tsx", "apps/realtime/src/main.ts"]);

// Announce once the app answers, so the URL printed is one that works.
for (let attempt = 0; attempt < 240 && !stopping; attempt++) {
  const ok = await fetch(`${appUrl}/api/health`)
    .then((r) => r.ok)
    .catch(() => false);
  if (ok) {
    console.log(
      [
        "",
        "  Frontdesk is running",
        `  → ${appUrl}`,
        `  → sign in as ${demo.email} / ${demo.password}`,
        "  → take a call: npm run simulate:call  (a caller books a cleaning; see Calls)",
        "    other calls: npm run simulate:call -- --scenario reschedule|cancel|transfer|hang-up --from +14155550142",
        "  Ctrl-C stops everything.",
        "",
      ].join("\n"),
    );
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
