// npm test — every check CI runs, in order: lint, unused code, typecheck, unit + integration (vitest, real
// PostgreSQL), then a production build and the Playwright suite against it. Uses the server at
// DATABASE_URL when set, otherwise one throwaway embedded PostgreSQL for the whole run.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { seedDemoClinic } from "@frontdesk/core";
import { createRootDb } from "@frontdesk/core/db";
import { migrateDatabase, repoRoot } from "./lib/migrations";
import { createDatabase, databaseUrl, dropDatabase, freePort, type Server, testServer } from "./lib/postgres";

const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);
const step = (title: string) => console.log(`\n▶ ${title}`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args[0] ?? ""} failed (${signal ?? code})`)),
    );
  });
}

type Counts = { passed: number; failed: number };

async function vitestCounts(file: string): Promise<Counts> {
  const report = JSON.parse(await readFile(file, "utf8"));
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}

async function playwrightCounts(file: string): Promise<Counts> {
  const report = JSON.parse(await readFile(file, "utf8"));
  return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky };
}

const env = { NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };
let server: Server | undefined;
const e2eDatabase = `frontdesk_e2e_${process.pid}`;
const results: Counts[] = [];
let failure: unknown;

try {
  step("lint (biome)");
  await run(bin("biome"), ["check", "."], env);
  step("unused files, exports and dependencies (knip)");
  // Knip loads playwright.config.ts, which refuses to load without the database `npm test` makes later.
  await run(bin("knip"), ["--no-config-hints"], { ...env, E2E_DATABASE_URL: "postgresql://knip.invalid/unused" });
  step("typecheck");
  await run(bin("turbo"), ["run", "typecheck", "--output-logs=errors-only"], env);
  await run(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"], env);

  step(
    process.env.DATABASE_URL
      ? "using the PostgreSQL server at DATABASE_URL"
      : "starting a throwaway embedded PostgreSQL",
  );
  server = await testServer();
  const adminUrl = server.adminUrl;

  step("unit + integration tests (vitest)");
  const vitestReport = path.join(repoRoot, "test-results", "vitest.json");
  try {
    await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], {
      ...env,
      DATABASE_URL: adminUrl,
    });
  } finally {
    results.push(await vitestCounts(vitestReport).catch(() => ({ passed: 0, failed: 1 })));
  }

  step("production build");
  await run(bin("next"), ["build", "apps/web"], env);

  step("end-to-end tests (Playwright, Debian Chromium)");
  await dropDatabase(adminUrl, e2eDatabase);
  await createDatabase(adminUrl, e2eDatabase);
  const e2eUrl = databaseUrl(adminUrl, e2eDatabase);
  await migrateDatabase(e2eUrl);
  const db = createRootDb(e2eUrl);
  await seedDemoClinic(db);
  await db.$disconnect();
  try {
    await run(bin("playwright"), ["test"], {
      ...env,
      E2E_DATABASE_URL: e2eUrl,
      E2E_PORT: String(await freePort()),
      E2E_GOOGLE_PORT: String(await freePort()),
      E2E_SMTP_PORT: String(await freePort()),
      E2E_MAILBOX_PORT: String(await freePort()),
      E2E_VAPI_PORT: String(await freePort()),
      E2E_REALTIME_PORT: String(await freePort()),
      E2E_TWILIO_PORT: String(await freePort()),
    });
  } finally {
    results.push(
      await playwrightCounts(path.join(repoRoot, "test-results", "e2e.json")).catch(() => ({ passed: 0, failed: 1 })),
    );
  }
} catch (error) {
  failure = error;
} finally {
  if (server) {
    await dropDatabase(server.adminUrl, e2eDatabase).catch(() => {});
    await server.stop();
  }
}

const total = results.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed }), {
  passed: 0,
  failed: 0,
});
if (failure) console.error(`\n✗ ${(failure as Error).message}`);
console.log(`\ntests: ${total.passed} passed, ${total.failed + (failure && total.failed === 0 ? 1 : 0)} failed`);
process.exit(failure ? 1 : 0);
