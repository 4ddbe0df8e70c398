import { describe, expect, it } from "vitest";
import { ConfigError, formatProblem, loadEnv } from "./index";

const good = {
  DATABASE_URL: "postgresql://app:s3cret-pw@db.internal:5432/frontdesk",
  NEXTAUTH_SECRET: "x".repeat(40),
  ENCRYPTION_KEY: "ab".repeat(32),
};

function problems(source: Record<string, string>, names: Parameters<typeof loadEnv>[0]) {
  try {
    loadEnv(names, source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("environment validation", () => {
  it("returns typed values with defaults applied", () => {
    const env = loadEnv(["DATABASE_URL", "ENCRYPTION_KEY", "ENCRYPTION_KEY_ID", "WORKER_CONCURRENCY", "APP_URL"], good);
    expect(env).toEqual({
      DATABASE_URL: good.DATABASE_URL,
      ENCRYPTION_KEY: good.ENCRYPTION_KEY,
      ENCRYPTION_KEY_ID: "k1",
      WORKER_CONCURRENCY: 5,
      APP_URL: "http://localhost:3000",
    });
  });

  it("reports every problem as one actionable line, without the secret", () => {
    const found = problems(
      { ...good, ENCRYPTION_KEY: "deadbeef-not-a-key", TWILIO_ACCOUNT_SID: "AC123", VAPI_PRIVATE_KEY: "sk_live" },
      ["DATABASE_URL", "ENCRYPTION_KEY", "TWILIO_ACCOUNT_SID", "VAPI_PRIVATE_KEY", "NEXTAUTH_SECRET"],
    );
    expect(found.map((p) => p.name)).toEqual(["ENCRYPTION_KEY", "TWILIO_ACCOUNT_SID", "VAPI_PRIVATE_KEY"]);
    const lines = found.map(formatProblem);
    expect(lines[0]).toBe(
      "config error: ENCRYPTION_KEY must be 64 hex characters (32 bytes); fix: generate one with `openssl rand -hex 32` and set ENCRYPTION_KEY",
    );
    expect(lines[1]).toContain("must be AC followed by 32 hex characters");
    expect(lines[2]).toContain("must be a UUID");
    for (const line of lines) {
      expect(line).not.toContain("\n");
      expect(line).not.toContain("deadbeef");
      expect(line).not.toContain("sk_live");
    }
  });

  it("treats empty as unset and says so", () => {
    const [problem] = problems({ ...good, NEXTAUTH_SECRET: "" }, ["NEXTAUTH_SECRET"]);
    expect(problem?.message).toBe("is not set");
    expect(problem?.fix).toContain("openssl rand");
  });

  it("accepts well-formed integration credentials", () => {
    const env = loadEnv(["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "VAPI_PRIVATE_KEY", "PUSHER_PORT"], {
      TWILIO_ACCOUNT_SID: `AC${"a1".repeat(16)}`,
      TWILIO_AUTH_TOKEN: "f0".repeat(16),
      VAPI_PRIVATE_KEY: "3f1b2c4d-5e6f-4a1b-8c2d-9e0f1a2b3c4d",
      PUSHER_PORT: "6001",
    });
    expect(env.PUSHER_PORT).toBe(6001);
  });
});
