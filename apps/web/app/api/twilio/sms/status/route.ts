import { receiveSmsStatus } from "@frontdesk/core/sms";
import { handleTwilioWebhook, webhookDeps } from "@/server/twilio-webhook";

/** Delivery reports for messages we sent. */
export const POST = (req: Request) =>
  handleTwilioWebhook(req, async (request) => {
    await receiveSmsStatus(webhookDeps(), request);
    return new Response(null, { status: 204 });
  });
