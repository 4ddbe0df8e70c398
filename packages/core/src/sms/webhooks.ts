// Twilio's webhooks: inbound texts (STOP/START/HELP) and delivery status. Both are verified
// with X-Twilio-Signature against the auth token of the account that owns the number; an
// unsigned or forged request is refused and changes nothing.
import { readTwilioCredentials } from "../credentials";
import type { Keyring } from "../crypto";
import type { RootDb } from "../db";
import { AppError } from "../errors";
import type { TenantClients } from "../tenancy";
import { TWILIO_OPTED_OUT } from "./send-sms";
import { HELP_REPLY, START_REPLY } from "./templates";
import { isSignedByTwilio, type TwilioCredentials } from "./twilio";

export type WebhookDeps = {
  rootDb: RootDb;
  tenants: TenantClients;
  platformTwilio?: TwilioCredentials;
  keyring?: Keyring;
};
export type SignedRequest = { url: string; params: Record<string, string>; signature: string | null };

const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"]);
const START_WORDS = new Set(["START", "YES", "UNSTOP"]);
const HELP_WORDS = new Set(["HELP", "INFO"]);

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const twiml = (reply?: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Response>${reply ? `<Message>${escapeXml(reply)}</Message>` : ""}</Response>`;

/** The number's org and the auth token Twilio signs its requests with. */
async function numberOwner(deps: WebhookDeps, e164: string | undefined) {
  if (!e164) return null;
  const number = await deps.rootDb.phoneNumber.findUnique({
    where: { e164 },
    select: {
      orgId: true,
      source: true,
      credential: { select: { ciphertext: true } },
      org: { select: { name: true } },
    },
  });
  if (!number) return null;
  let token = deps.platformTwilio?.authToken;
  if (number.source === "byo" && number.credential && deps.keyring) {
    token = readTwilioCredentials(deps.keyring, number.credential.ciphertext, number.orgId).authToken;
  }
  return token ? { orgId: number.orgId, clinicName: number.org.name, token } : null;
}

function verify(token: string, request: SignedRequest) {
  if (!request.signature || !isSignedByTwilio(token, request.signature, request.url, request.params)) {
    throw new AppError("FORBIDDEN", "invalid X-Twilio-Signature; check the webhook URL and the account's auth token");
  }
}

/** POST /api/twilio/sms/inbound: returns the TwiML to answer with. */
export async function receiveInboundSms(deps: WebhookDeps, request: SignedRequest): Promise<string> {
  const { To: to, From: from, Body: body = "", MessageSid: sid } = request.params;
  const owner = await numberOwner(deps, to);
  if (!owner) throw new AppError("NOT_FOUND", "this number is not connected to a Frontdesk clinic");
  verify(owner.token, request);
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

const progress = ["queued", "sending", "sent", "delivered"] as const;

/** POST /api/twilio/sms/status: records delivery, and an opt-out if the carrier reports one. */
export async function receiveSmsStatus(deps: WebhookDeps, request: SignedRequest) {
  const { MessageSid: sid, MessageStatus: status, From: from, ErrorCode: errorCode, To: to } = request.params;
  const owner = await numberOwner(deps, from);
  if (!owner) throw new AppError("NOT_FOUND", "this number is not connected to a Frontdesk clinic");
  verify(owner.token, request);
  if (!sid || !status) throw new AppError("BAD_REQUEST", "MessageSid and MessageStatus are required");
  const db = deps.tenants.forTenant(owner.orgId);
  const message = await db.smsMessage.findFirst({ where: { twilioSid: sid }, select: { id: true, status: true } });
  if (!message) throw new AppError("NOT_FOUND", "no message with this MessageSid");
  const code = errorCode ? Number(errorCode) : null;
  await db.$transaction(async (tx) => {
    if (status === "delivered" || status === "sent") {
      // Callbacks can arrive out of order: never step back from delivered to sent.
      const current = progress.indexOf(message.status as (typeof progress)[number]);
      if (current < progress.indexOf(status)) {
        await tx.smsMessage.update({
          where: { id: message.id },
          data: { status, deliveredAt: status === "delivered" ? new Date() : undefined },
        });
      }
    } else if (status === "undelivered" || status === "failed") {
      await tx.smsMessage.update({ where: { id: message.id }, data: { status, errorCode: code } });
      if (code === TWILIO_OPTED_OUT && to) {
        await tx.smsOptOut.upsert({
          where: { orgId_phone: { orgId: owner.orgId, phone: to } },
          create: { orgId: owner.orgId, phone: to, source: `twilio:${TWILIO_OPTED_OUT}` },
          update: {},
        });
      }
    }
  });
}
