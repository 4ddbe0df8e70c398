// Twilio's webhooks: inbound texts (STOP/START/HELP) and delivery status. Both are verified
// with X-Twilio-Signature against the auth token of the account that owns the number; an
// unsigned or forged request is refused and changes nothing.
import { readTwilioCredentials } from "../credentials";
import type { Keyring } from "../crypto";
import type { RootDb, SmsStatus } from "../db";
import { AppError } from "../errors";
import { transact } from "../realtime/transact";
import type { TenantClients } from "../tenancy";
import { smsKeyword } from "./keywords";
import { smsStatusEvent } from "./live-event";
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

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const twiml = (reply?: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Response>${reply ? `<Message>${escapeXml(reply)}</Message>` : ""}</Response>`;

/** The number's clinic and the auth token Twilio signs its requests for it with. */
async function numberOwner(deps: WebhookDeps, e164: string | undefined) {
  if (!e164) return null;
  const number = await deps.rootDb.phoneNumber.findUnique({
    where: { e164 },
    select: {
      clinicId: true,
      source: true,
      credential: { select: { ciphertext: true } },
      clinic: { select: { name: true, status: true } },
    },
  });
  if (!number) return null;
  let token = deps.platformTwilio?.authToken;
  // Twilio signs with the token of the account the number is in: the clinic's own, or the
  // subaccount Frontdesk made for its managed numbers.
  if (number.credential && deps.keyring) {
    token = readTwilioCredentials(deps.keyring, number.credential.ciphertext, number.clinicId).authToken;
  }
  return token
    ? { clinicId: number.clinicId, clinicName: number.clinic.name, clinicStatus: number.clinic.status, token }
    : null;
}

/**
 * The clinic that owns `e164`, once the request is proven to come from Twilio. The signature is
 * checked first (with the platform's token when the number is unknown), so an unsigned or forged
 * request learns nothing — not even whether a number is connected to Frontdesk.
 */
async function signedOwner(deps: WebhookDeps, e164: string | undefined, request: SignedRequest) {
  const owner = await numberOwner(deps, e164);
  const token = owner?.token ?? deps.platformTwilio?.authToken;
  if (!token || !request.signature || !isSignedByTwilio(token, request.signature, request.url, request.params)) {
    throw new AppError("FORBIDDEN", "invalid X-Twilio-Signature; check the webhook URL and the account's auth token");
  }
  // A suspended or deleted clinic's number is as good as disconnected: nothing is recorded.
  if (owner?.clinicStatus !== "active")
    throw new AppError("NOT_FOUND", "this number is not connected to an active Frontdesk clinic");
  return owner;
}

/** POST /api/twilio/sms/inbound: returns the TwiML to answer with. */
export async function receiveInboundSms(deps: WebhookDeps, request: SignedRequest): Promise<string> {
  const { To: to, From: from, Body: body = "", MessageSid: sid, OptOutType: optOutType } = request.params;
  const owner = await signedOwner(deps, to, request);
  if (!from || !sid) throw new AppError("BAD_REQUEST", "From and MessageSid are required");

  const keyword = smsKeyword(body, optOutType);
  const db = deps.tenants.forTenant(owner.clinicId);
  const stored = await db
    .$transaction(async (tx) => {
      // Twilio retries webhooks; the MessageSid makes a retry a no-op. The key is the clinic's
      // own: a clinic signing with its own account cannot burn another clinic's MessageSid.
      await tx.webhookInboxEvent.create({
        data: {
          clinicId: owner.clinicId,
          source: "twilio",
          eventType: "sms.inbound",
          dedupeKey: `${owner.clinicId}:sms:${sid}`,
          payload: request.params,
          status: "processed",
          processedAt: new Date(),
        },
      });
      const patient = await tx.patient.findFirst({ where: { phone: from }, select: { id: true } });
      await tx.smsMessage.create({
        data: {
          clinicId: owner.clinicId,
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
      if (keyword === "stop") {
        await tx.smsOptOut.upsert({
          where: { clinicId_phone: { clinicId: owner.clinicId, phone: from } },
          create: {
            clinicId: owner.clinicId,
            phone: from,
            source: `keyword:${body.trim().toUpperCase().slice(0, 40)}`,
          },
          update: {},
        });
      } else if (keyword === "start") {
        await tx.smsOptOut.deleteMany({ where: { phone: from } });
      }
      return true;
    })
    .catch((error: { code?: string }) => {
      if (error.code === "P2002") return false; // already handled this message
      throw error;
    });
  // Carriers answer STOP themselves; we answer HELP (every time) and confirm START (once).
  if (keyword === "help") return twiml(HELP_REPLY(owner.clinicName));
  if (keyword === "start" && stored) return twiml(START_REPLY(owner.clinicName));
  return twiml();
}

/**
 * The statuses a delivery report may move a message from. Reports arrive out of order and
 * twice; a message only moves forward, and delivered, undelivered and failed are final.
 */
const movesFrom = {
  sent: ["queued", "sending"],
  delivered: ["queued", "sending", "sent"],
  undelivered: ["queued", "sending", "sent"],
  failed: ["queued", "sending", "sent"],
} as const satisfies Partial<Record<SmsStatus, SmsStatus[]>>;

/** POST /api/twilio/sms/status: records delivery, and an opt-out if the carrier reports one. */
export async function receiveSmsStatus(deps: WebhookDeps, request: SignedRequest) {
  const { MessageSid: sid, MessageStatus: status, From: from, ErrorCode: errorCode, To: to } = request.params;
  const owner = await signedOwner(deps, from, request);
  if (!sid || !status) throw new AppError("BAD_REQUEST", "MessageSid and MessageStatus are required");
  const db = deps.tenants.forTenant(owner.clinicId);
  const message = await db.smsMessage.findFirst({
    where: { twilioSid: sid },
    select: { id: true, appointmentId: true },
  });
  if (!message) throw new AppError("NOT_FOUND", "no message with this MessageSid");
  if (!Object.hasOwn(movesFrom, status)) return; // queued, sending, accepted…: nothing we record
  const next = status as keyof typeof movesFrom;
  const code = errorCode ? Number(errorCode) : null;
  await transact(db, async (tx, emit) => {
    // Conditional on where the message stands, inside the transaction: two reports racing
    // each other cannot both win, and a late one never moves a message back.
    const moved = await tx.smsMessage.updateMany({
      where: { id: message.id, status: { in: [...movesFrom[next]] } },
      data:
        next === "delivered"
          ? { status: next, deliveredAt: new Date() }
          : next === "sent"
            ? { status: next }
            : { status: next, errorCode: code },
    });
    if (moved.count > 0) emit(smsStatusEvent(message.id, message.appointmentId, next));
    // The carrier saying the number opted out is honoured whatever the message's state.
    if (code === TWILIO_OPTED_OUT && to) {
      await tx.smsOptOut.upsert({
        where: { clinicId_phone: { clinicId: owner.clinicId, phone: to } },
        create: { clinicId: owner.clinicId, phone: to, source: `twilio:${TWILIO_OPTED_OUT}` },
        update: {},
      });
    }
  });
}
