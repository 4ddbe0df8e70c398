import { loadEnvOrExit } from "@frontdesk/core/env";

export const env = loadEnvOrExit([
  "NODE_ENV",
  "DATABASE_URL",
  "ENCRYPTION_KEY",
  "ENCRYPTION_KEY_ID",
  "ENCRYPTION_PREVIOUS_KEYS",
  "WORKER_CONCURRENCY",
  "APP_URL",
  "TWILIO_ACCOUNT_SID",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_API_BASE_URL",
  "VAPI_PRIVATE_KEY",
  "VAPI_BASE_URL",
  "VAPI_WEBHOOK_SECRET",
]);
