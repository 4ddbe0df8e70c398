import { receiveInboundSms } from "@frontdesk/core/sms";
import { handleTwilioWebhook, webhookDeps } from "@/server/twilio-webhook";

/** Texts to a clinic's number: STOP/START/HELP are honoured here, before anything else is sent. */
export const POST = (req: Request) =>
  handleTwilioWebhook(req, async (request) => {
    const twiml = await receiveInboundSms(webhookDeps(), request);
    return new Response(twiml, { headers: { "content-type": "text/xml" } });
  });
