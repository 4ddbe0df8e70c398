import { loadEnv } from "@frontdesk/core/env";

const names = [
  "NODE_ENV",
  "DATABASE_URL",
  "APP_URL",
  "NEXTAUTH_URL",
  "NEXTAUTH_SECRET",
  "ENCRYPTION_KEY",
  "ENCRYPTION_KEY_ID",
  "ENCRYPTION_PREVIOUS_KEYS",
  "GOOGLE_CLIENT_ID",
  "GOOGLE_CLIENT_SECRET",
  "GOOGLE_WELL_KNOWN_URL",
  "SMTP_URL",
  "TRUSTED_PROXY_HOPS",
  "TWILIO_ACCOUNT_SID",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_API_BASE_URL",
  "PUSHER_APP_ID",
  "PUSHER_KEY",
  "PUSHER_SECRET",
  "PUSHER_HOST",
  "PUSHER_PORT",
  "VAPI_WEBHOOK_SECRET",
  "VAPI_PRIVATE_KEY",
  "VAPI_BASE_URL",
] as const;

let cached: ReturnType<typeof loadEnv<(typeof names)[number]>> | undefined;

/**
 * Everything the web app reads from its environment, validated on first use (not at import:
 * `next build` imports every route without the runtime's secrets). instrumentation.ts calls
 * this at server start so a bad value stops the server before it takes a request.
 */
export function env() {
  cached ??= loadEnv(names);
  return cached;
}
