import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../test/database";

const root = path.resolve(import.meta.dirname, "..");

async function validateEnv(env: Record<string, string>) {
  // A clean environment: only what the test passes (plus PATH to find node).
  const result = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/validate-env.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return { code: result.code, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.trim().split("\n") };
}

const line = (lines: string[], name: string) => lines.find((l) => l.slice(6).startsWith(`${name} `));

describe("npm run validate-env", () => {
  const t = useTestDatabase();

  it("passes a good configuration, checking the database, migrations and encryption", async () => {
    const result = await validateEnv({
      DATABASE_URL: t.url,
      NEXTAUTH_SECRET: "n".repeat(40),
      ENCRYPTION_KEY: "0f".repeat(32),
    });
    expect(result.code).toBe(0);
    expect(line(result.lines, "database")).toMatch(
      /^ok\s+database\s+connected to 127\.0\.0\.1:\d+\/frontdesk_t_\w+ \(PostgreSQL \d+/,
    );
    expect(line(result.lines, "migrations")).toMatch(/^ok\s+migrations\s+all \d+ applied/);
    expect(line(result.lines, "encryption")).toMatch(/^ok\s+encryption\s+AES-256-GCM round trip/);
    expect(line(result.lines, "VAPI_PRIVATE_KEY")).toMatch(/^skip\s+VAPI_PRIVATE_KEY\s+not set \(optional/);
    expect(result.stdout).not.toContain("0f0f0f");
    expect(result.stdout).toContain("configuration is valid");
  });

  it("fails with one line per problem and its fix, no stack trace and no secrets", async () => {
    const result = await validateEnv({
      DATABASE_URL: "postgresql://app:hunter2-secret@127.0.0.1:1/frontdesk",
      NEXTAUTH_SECRET: "short",
      ENCRYPTION_KEY: "xyz-not-hex",
      TWILIO_ACCOUNT_SID: "SK0123",
      VAPI_PRIVATE_KEY: "not-a-uuid",
    });
    expect(result.code).toBe(1);
    expect(line(result.lines, "NEXTAUTH_SECRET")).toBe(
      "FAIL  NEXTAUTH_SECRET                        must be at least 32 characters; fix: generate one with `openssl rand -base64 32` and set NEXTAUTH_SECRET",
    );
    expect(line(result.lines, "ENCRYPTION_KEY")).toContain(
      "must be 64 hex characters (32 bytes); fix: generate one with `openssl rand -hex 32`",
    );
    expect(line(result.lines, "TWILIO_ACCOUNT_SID")).toContain("must be AC followed by 32 hex characters");
    expect(line(result.lines, "VAPI_PRIVATE_KEY")).toContain("must be a UUID");
    expect(line(result.lines, "database")).toBe(
      "FAIL  database                               cannot connect to 127.0.0.1:1/frontdesk (ECONNREFUSED); fix: start PostgreSQL there or correct DATABASE_URL",
    );
    expect(result.stdout).toContain("6 problem(s) found");
    const everything = result.stdout + result.stderr;
    for (const secret of ["hunter2-secret", "xyz-not-hex", "not-a-uuid"]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/\n\s+at /); // no stack trace
  });
});
