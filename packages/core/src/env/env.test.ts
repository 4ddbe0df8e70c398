import { describe, expect, it } from "vitest";
import { ConfigError, type ConfigProblem, formatProblem, loadEnv } from "./index";

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

describe("rules across variables", () => {
  const web = ["NODE_ENV", "APP_URL", "NEXTAUTH_URL", "SMTP_URL"] as const;
  const production = {
    NODE_ENV: "production",
    APP_URL: "https://app.example.com",
    NEXTAUTH_URL: "https://app.example.com",
    SMTP_URL: "smtps://mailer:pw@smtp.example.com:465",
  };

  it("accepts a production configuration with a mailer and matching https URLs", () => {
    expect(problems(production, [...web])).toEqual([]);
    // next-auth's own path on the same origin is the same site.
    expect(problems({ ...production, NEXTAUTH_URL: "https://app.example.com/api/auth" }, [...web])).toEqual([]);
  });

  it("refuses production without a mailer: links would go to the log", () => {
    const { SMTP_URL: _, ...noMailer } = production;
    const [problem] = problems(noMailer, [...web]);
    expect(problem).toMatchObject({ name: "SMTP_URL", message: expect.stringContaining("required in production") });
    expect(formatProblem(problem as ConfigProblem)).not.toContain("\n");
    // Development prints links instead, by design.
    expect(problems({ ...noMailer, NODE_ENV: "development" }, [...web])).toEqual([]);
    // An app that sends no email (the worker) does not need one.
    expect(problems(noMailer, ["NODE_ENV", "APP_URL"])).toEqual([]);
  });

  it("validates NEXTAUTH_URL and APP_URL together: the same origin, https in production", () => {
    expect(problems({ ...production, NEXTAUTH_URL: "https://evil.example.net" }, [...web])).toEqual([
      expect.objectContaining({ name: "NEXTAUTH_URL", message: expect.stringContaining("same origin as APP_URL") }),
    ]);
    expect(problems({ ...production, NEXTAUTH_URL: "http://app.example.com" }, [...web]).map((p) => p.name)).toEqual([
      "NEXTAUTH_URL",
      "NEXTAUTH_URL",
    ]);
    expect(
      problems({ ...production, APP_URL: "http://app.example.com", NEXTAUTH_URL: "http://app.example.com" }, [...web]),
    ).toEqual([
      expect.objectContaining({ name: "APP_URL", message: expect.stringContaining("https://") }),
      expect.objectContaining({ name: "NEXTAUTH_URL", message: expect.stringContaining("https://") }),
    ]);
    const { NEXTAUTH_URL: _, ...noAuthUrl } = production;
    expect(problems(noAuthUrl, [...web])).toEqual([
      expect.objectContaining({ name: "NEXTAUTH_URL", message: expect.stringContaining("required in production") }),
    ]);
    // A production build on one's own machine (and the e2e suite) runs on plain http to loopback.
    const local = { ...production, APP_URL: "http://127.0.0.1:3100", NEXTAUTH_URL: "http://127.0.0.1:3100" };
    expect(problems(local, [...web])).toEqual([]);
    expect(problems({ ...local, NEXTAUTH_URL: "http://localhost:3100" }, [...web])).toEqual([
      expect.objectContaining({ name: "NEXTAUTH_URL", message: expect.stringContaining("same origin") }),
    ]);
    // Development: http is fine, a mismatch is not.
    expect(problems({ APP_URL: "http://localhost:3000", NEXTAUTH_URL: "http://localhost:3001" }, [...web])).toEqual([
      expect.objectContaining({ name: "NEXTAUTH_URL" }),
    ]);
  });

  it("refuses plain-http overrides of Google, Twilio and Vapi in production, loopback aside", () => {
    const names = ["NODE_ENV", "GOOGLE_WELL_KNOWN_URL", "TWILIO_API_BASE_URL", "VAPI_BASE_URL"] as const;
    const overrides = {
      GOOGLE_WELL_KNOWN_URL: "http://idp.example.net/.well-known/openid-configuration",
      TWILIO_API_BASE_URL: "http://twilio.example.net",
      VAPI_BASE_URL: "http://vapi.example.net",
    };
    expect(problems({ NODE_ENV: "production", ...overrides }, [...names]).map((p) => p.name)).toEqual([
      "GOOGLE_WELL_KNOWN_URL",
      "TWILIO_API_BASE_URL",
      "VAPI_BASE_URL",
    ]);
    expect(problems({ NODE_ENV: "development", ...overrides }, [...names])).toEqual([]);
    expect(problems({ NODE_ENV: "production", TWILIO_API_BASE_URL: "http://127.0.0.1:4010" }, [...names])).toEqual([]);
    // The defaults are https.
    expect(problems({ NODE_ENV: "production" }, [...names])).toEqual([]);
  });
});
