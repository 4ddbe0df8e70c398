import type { VoiceDeps } from "@frontdesk/core/voice";
import { env } from "@/env";
import { services } from "@/server/services";
import { handleVapiWebhook } from "@/server/vapi-webhook";

function deps(): VoiceDeps {
  const config = env();
  return {
    rootDb: services().rootDb,
    tenants: services().tenants,
    webhookSecret: config.VAPI_WEBHOOK_SECRET,
    webhookUrl: new URL("/api/vapi/webhook", config.APP_URL).toString(),
  };
}

/** Every Vapi server message: assistant-request, tool-calls, transfer requests, and the rest. */
export const POST = (req: Request) => handleVapiWebhook(req, deps());
