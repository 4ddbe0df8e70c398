import { defineConfig } from "@playwright/test";
import { GOOGLE_CLIENT } from "./e2e/stubs/google-oidc-client";

// Runs against the production build (`next build` + `next start`). `npm test` prepares the
// database (migrated and seeded) and passes it in E2E_DATABASE_URL.
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) {
  throw new Error("E2E_DATABASE_URL is not set: run the e2e tests through `npm test`, which prepares a database");
}
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
export const E2E_TWILIO_AUTH_TOKEN = "e2e0".repeat(8);
const googlePort = Number(process.env.E2E_GOOGLE_PORT ?? port + 1);
// The test mailbox (e2e/stubs/mailbox.ts): the app sends to its SMTP port, tests read its HTTP one.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 2);
const mailboxPort = Number(process.env.E2E_MAILBOX_PORT ?? port + 3);
export const MAILBOX_URL = `http://127.0.0.1:${mailboxPort}`;
// Vapi's API (e2e/stubs/vapi.ts): the app and worker reach it with the platform key below.
const vapiPort = Number(process.env.E2E_VAPI_PORT ?? port + 4);
export const VAPI_STUB_URL = `http://127.0.0.1:${vapiPort}`;
/** Twilio's API (e2e/stubs/twilio.ts): number search and purchase on the made-up platform account. */
const twilioPort = Number(process.env.E2E_TWILIO_PORT ?? port + 5);
export const TWILIO_STUB_URL = `http://127.0.0.1:${twilioPort}`;
const E2E_TWILIO_ACCOUNT_SID = `AC${"e2".repeat(16)}`;
const E2E_VAPI_PRIVATE_KEY = "3f1b2c4d-5e6f-4a1b-8c2d-9e0f1a2b3c4d";
// The repo's Pusher-protocol server (apps/realtime): the web app and the worker publish to it,
// the dashboard's pusher-js listens on it.
const realtimePort = Number(process.env.E2E_REALTIME_PORT ?? port + 6);
const pusher = {
  PUSHER_APP_ID: "frontdesk-e2e",
  PUSHER_KEY: "frontdesk-e2e-key",
  PUSHER_SECRET: "frontdesk-e2e-secret-0123456789",
  PUSHER_HOST: "127.0.0.1",
  PUSHER_PORT: String(realtimePort),
};
export const E2E_NEXTAUTH_SECRET = "e2e-only-nextauth-secret-0123456789abcdef";
/** What the simulator (and any spec posting as Vapi) signs webhook messages with. */
export const E2E_VAPI_WEBHOOK_SECRET = "e2e-vapi-webhook-secret-0123456789";

/** The web app's environment; specs that start the worker give it the same. */
export const e2eWebEnv = {
  DATABASE_URL: databaseUrl,
  APP_URL: baseURL,
  NEXTAUTH_URL: baseURL,
  NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
  // `next start` is production: email goes over SMTP (to the test mailbox), never to a log.
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  ENCRYPTION_KEY: "e2".repeat(32),
  // A made-up platform Twilio account: webhooks are verified against its token.
  TWILIO_ACCOUNT_SID: E2E_TWILIO_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: E2E_TWILIO_AUTH_TOKEN,
  TWILIO_API_BASE_URL: TWILIO_STUB_URL,
  VAPI_WEBHOOK_SECRET: E2E_VAPI_WEBHOOK_SECRET,
  VAPI_PRIVATE_KEY: E2E_VAPI_PRIVATE_KEY,
  VAPI_BASE_URL: VAPI_STUB_URL,
  ...pusher,
  // Google sign-in against the local OpenID provider in e2e/stubs/google-oidc.ts.
  GOOGLE_CLIENT_ID: GOOGLE_CLIENT.id,
  GOOGLE_CLIENT_SECRET: GOOGLE_CLIENT.secret,
  GOOGLE_WELL_KNOWN_URL: `http://127.0.0.1:${googlePort}/.well-known/openid-configuration`,
  NEXT_TELEMETRY_DISABLED: "1",
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  // CI and dev machines here are 2 shared cores: a sign-up hashes a password twice (scrypt)
  // before the dashboard renders, which can take longer than Playwright's default 5 s.
  expect: { timeout: 10_000 },
  // Specs that sign up hash passwords (scrypt) and several run a worker beside the app: on two
  // shared cores a whole test, set-up included, can outlast Playwright's default 30 s.
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium (apt-get install chromium); Playwright's own browser download is
      // not reachable from these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      command: `node_modules/.bin/tsx e2e/stubs/google-oidc.ts ${googlePort}`,
      url: `http://127.0.0.1:${googlePort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node_modules/.bin/tsx e2e/stubs/mailbox.ts ${smtpPort} ${mailboxPort}`,
      url: `${MAILBOX_URL}/messages`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node_modules/.bin/tsx e2e/stubs/vapi.ts ${vapiPort} ${E2E_VAPI_PRIVATE_KEY}`,
      url: `${VAPI_STUB_URL}/__stub/log`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "node_modules/.bin/tsx apps/realtime/src/main.ts",
      // pusher-js connects to /app/<key>; a plain GET of / answers once the server listens.
      port: realtimePort,
      reuseExistingServer: false,
      timeout: 30_000,
      env: pusher,
    },
    {
      command: `node_modules/.bin/tsx e2e/stubs/twilio.ts ${twilioPort} ${E2E_TWILIO_ACCOUNT_SID} ${E2E_TWILIO_AUTH_TOKEN}`,
      // Everything there wants Basic auth: a 401 means it is up.
      url: `${TWILIO_STUB_URL}/2010-04-01/Accounts.json`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node_modules/.bin/next start apps/web --port ${port} --hostname 127.0.0.1`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: e2eWebEnv,
    },
  ],
});
