// Inbound texts: stored once (Twilio retries), with STOP/START keeping the opt-out list.
import { AppError } from "../errors";
import { HELP_REPLY, START_REPLY } from "./templates";
import { numberOwner, type SignedRequest, verifyTwilioSignature, type WebhookDeps } from "./twilio-webhook";

const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"]);
const START_WORDS = new Set(["START", "YES", "UNSTOP"]);
const HELP_WORDS = new Set(["HELP", "INFO"]);

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const twiml = (reply?: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Response>${reply ? `<Message>${escapeXml(reply)}</Message>` : ""}</Response>`;

/** POST /api/twilio/sms/inbound: returns the TwiML to answer with. */
export async function receiveInboundSms(deps: WebhookDeps, request: SignedRequest): Promise<string> {
  const { To: to, From: from, Body: body = "", MessageSid: sid } = request.params;
  const owner = await numberOwner(deps, to);
  if (!owner) throw new AppError("NOT_FOUND", "this number is not connected to a Frontdesk clinic");
  verifyTwilioSignature(owner.token, request);
  if (!from || !sid) throw new AppError("BAD_REQUEST", "From and MessageSid are required");

  const keyword = body.trim().split(/\s+/)[0]?.toUpperCase() ?? "";
  const db = deps.tenants.forTenant(owner.orgId);
  const stored = await db
    .$transaction(async (tx) => {
      // Twilio retries webhooks; the MessageSid makes a retry a no-op.
      await tx.webhookInboxEvent.create({
        data: {
          orgId: owner.orgId,
          source: "twilio",
          eventType: "sms.inbound",
          dedupeKey: `sms:${sid}`,
          payload: request.params,
          status: "processed",
          processedAt: new Date(),
        },
      });
      const patient = await tx.patient.findFirst({ where: { phone: from }, select: { id: true } });
      await tx.smsMessage.create({
        data: {
          orgId: owner.orgId,
          patientId: patient?.id,
          direction: "inbound",
          kind: "inbound",
          toNumber: to as string,
          fromNumber: from,
          body,
          status: "received",
          twilioSid: sid,
        },
      });
      if (STOP_WORDS.has(keyword)) {
        await tx.smsOptOut.upsert({
          where: { orgId_phone: { orgId: owner.orgId, phone: from } },
          create: { orgId: owner.orgId, phone: from, source: `keyword:${keyword}` },
          update: {},
        });
      } else if (START_WORDS.has(keyword)) {
        await tx.smsOptOut.deleteMany({ where: { phone: from } });
      }
      return true;
    })
    .catch((error: { code?: string }) => {
      if (error.code === "P2002") return false; // already handled this message
      throw error;
    });
  if (!stored && !HELP_WORDS.has(keyword)) return twiml();
  // Carriers answer STOP themselves; we answer HELP and confirm START.
  if (HELP_WORDS.has(keyword)) return twiml(HELP_REPLY(owner.clinicName));
  if (START_WORDS.has(keyword)) return twiml(START_REPLY(owner.clinicName));
  return twiml();
}
