// The built server itself, started with a configuration a test controls: a bad value stops it
// with one actionable line, and an unreachable database makes health say so (503).
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..");

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

function startServer(port: number, env: Record<string, string>) {
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "apps/web", "--port", String(port)], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, exited, stderr: () => stderr };
}

// `next start` runs in production: it needs a mailer and NEXTAUTH_URL (APP_URL's origin).
const valid = {
  NEXTAUTH_SECRET: "server-start-spec-secret-0123456789abcdef",
  ENCRYPTION_KEY: "5e".repeat(32),
  APP_URL: "http://localhost:3000",
  NEXTAUTH_URL: "http://localhost:3000",
  SMTP_URL: "smtp://127.0.0.1:1",
};

const configErrors = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("config error:"));

let server: ChildProcess | undefined;
test.afterEach(() => {
  server?.kill("SIGKILL");
});

test("a bad configuration stops the server with one actionable line per problem", async () => {
  const started = startServer(await freePort(), {
    ...valid,
    DATABASE_URL: "postgresql://app:pw@127.0.0.1:1/frontdesk",
    ENCRYPTION_KEY: "too-short",
  });
  server = started.child;
  expect(await started.exited).toBe(1);
  expect(configErrors(started.stderr())).toEqual([
    "config error: ENCRYPTION_KEY must be 64 hex characters (32 bytes); fix: generate one with `openssl rand -hex 32` and set ENCRYPTION_KEY",
  ]);
  expect(started.stderr()).not.toContain("too-short");
  expect(started.stderr()).not.toMatch(/\n\s+at /);
});

test("production refuses to start without a mailer, or with NEXTAUTH_URL on another site than APP_URL", async () => {
  const { SMTP_URL: _, ...noMailer } = valid;
  const started = startServer(await freePort(), {
    ...noMailer,
    DATABASE_URL: "postgresql://app:pw@127.0.0.1:1/frontdesk",
    NEXTAUTH_URL: "https://elsewhere.example.com",
  });
  server = started.child;
  expect(await started.exited).toBe(1);
  expect(configErrors(started.stderr())).toEqual([
    expect.stringMatching(/^config error: SMTP_URL is required in production: .*never to a log; fix: set SMTP_URL=/),
    expect.stringMatching(
      /^config error: NEXTAUTH_URL must have the same origin as APP_URL \(http:\/\/localhost:3000\)/,
    ),
  ]);
});

test("health answers 503 with db down while PostgreSQL is unreachable", async ({ request }) => {
  const port = await freePort();
  const started = startServer(port, { ...valid, DATABASE_URL: "postgresql://app:pw@127.0.0.1:1/frontdesk" });
  server = started.child;
  const url = `http://127.0.0.1:${port}/api/health`;
  await expect.poll(async () => (await request.get(url).catch(() => null))?.status(), { timeout: 30_000 }).toBe(503);
  const body = await (await request.get(url)).json();
  expect(body).toEqual({ status: "degraded", uptime: expect.any(Number), db: "down" });
});
