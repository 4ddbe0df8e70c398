import { AppError } from "../errors";
import { TWILIO_OPTED_OUT } from "./send-sms";
import { numberOwner, type SignedRequest, verifyTwilioSignature, type WebhookDeps } from "./twilio-webhook";

const progress = ["queued", "sending", "sent", "delivered"] as const;

/** POST /api/twilio/sms/status: records delivery, and an opt-out if the carrier reports one. */
export async function receiveSmsStatus(deps: WebhookDeps, request: SignedRequest) {
  const { MessageSid: sid, MessageStatus: status, From: from, ErrorCode: errorCode, To: to } = request.params;
  const owner = await numberOwner(deps, from);
  if (!owner) throw new AppError("NOT_FOUND", "this number is not connected to a Frontdesk clinic");
  verifyTwilioSignature(owner.token, request);
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
