// The worker as a real child process (apps/worker/src/main.ts), for integration tests.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterEach } from "vitest";
import { waitFor } from "./database";

const root = path.resolve(import.meta.dirname, "..");
const running = new Set<ChildProcess>();

afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
});

export function startWorker(databaseUrl: string, extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "apps/worker/src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      WORKER_CONCURRENCY: "2",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  exited.then(() => running.delete(child));
  return {
    child,
    exited,
    output: () => output,
    waitForOutput: (pattern: RegExp, timeoutMs?: number) =>
      waitFor(async () => pattern.test(output), { what: `worker output ${pattern}`, timeoutMs }),
  };
}
