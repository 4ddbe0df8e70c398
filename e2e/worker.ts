// The same worker `npm run worker` starts, on the e2e database, for specs whose pages depend on
// jobs (a simulated call's messages become the call in the worker).
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { e2eWebEnv } from "../playwright.config";
import { test } from "./fixtures";

const root = path.resolve(import.meta.dirname, "..");

/**
 * Starts a worker and resolves once it says it is ready; `stop` ends it. By default the texts it
 * sends go nowhere (a closed local port) instead of to Twilio; `env` overrides the app's env.
 */
async function startWorker(env: NodeJS.ProcessEnv = { TWILIO_API_BASE_URL: "http://127.0.0.1:9" }) {
  let output = "";
  const worker: ChildProcess = spawn(process.execPath, ["--import", "tsx", "apps/worker/src/main.ts"], {
    cwd: root,
    env: { ...process.env, ...e2eWebEnv, WORKER_CONCURRENCY: "2", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("worker ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    worker.stdout?.on("data", read);
    worker.stderr?.on("data", read);
  });
  return { stop: () => worker.kill("SIGTERM"), output: () => output };
}

/** A worker beside the calling spec file's tests: started before the first, stopped after the last. */
export function useWorker(env?: NodeJS.ProcessEnv) {
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
  test.beforeAll(async () => {
    worker = await startWorker(env);
  });
  test.afterAll(() => worker?.stop());
}
