// The worker's side of SMS: send one stored message, once. Order of checks: the message is
// still due (not sent, not a reminder for a cancelled visit), the number has not opted out,
// the breaker lets us through; then Twilio. A Twilio outage leaves the message queued and
// throws, so the job retries with backoff; a permanent refusal is recorded and not retried.
import { readTwilioCredentials } from "../credentials";
import type { Keyring } from "../crypto";
import { AppError } from "../errors";
import { transact } from "../realtime/transact";
import type { TenantClients, TenantDb } from "../tenancy";
import type { CircuitBreaker } from "./breaker";
import { smsStatusEvent } from "./live-event";
import { createTwilioClient, type TwilioClient, type TwilioCredentials } from "./twilio";

export type SmsSenderDeps = {
  tenants: TenantClients;
  breaker: CircuitBreaker;
  /** The platform's Twilio account, for managed numbers. */
  platformTwilio?: TwilioCredentials;
  /** Decrypts clinics' own Twilio credentials. */
  keyring?: Keyring;
  twilioApiBaseUrl?: string;
  /** Where Twilio reports delivery (POST /api/twilio/sms/status). */
  statusCallbackUrl?: string;
};

export type SendOutcome = "sent" | "skipped" | "opted_out" | "failed";

/** Twilio's "unsubscribed recipient": the number replied STOP at carrier level. */
export const TWILIO_OPTED_OUT = 21610;

async function senderFor(db: TenantDb, deps: SmsSenderDeps): Promise<{ from: string; client: TwilioClient } | string> {
  const number = await db.phoneNumber.findFirst({
    where: { status: "active" },
    orderBy: { createdAt: "asc" },
    select: { e164: true, source: true, credential: { select: { ciphertext: true } } },
  });
  if (!number) return "the clinic has no active phone number to text from; connect one under Phone numbers";
  let credentials = deps.platformTwilio;
  // A managed number lives in the clinic's Frontdesk-made subaccount, whose credential it carries.
  if (number.source === "byo" || number.credential) {
    if (!number.credential || !deps.keyring)
      return "the clinic's own Twilio credentials are missing; add them under Credentials";
    credentials = readTwilioCredentials(deps.keyring, number.credential.ciphertext, db.clinicId);
  }
  if (!credentials) return "the platform Twilio account is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)";
  return { from: number.e164, client: createTwilioClient(credentials, deps.twilioApiBaseUrl) };
}

/**
 * A suspended or deleted clinic texts nobody: its queued message is marked cancelled, with why,
 * and never reaches Twilio. Returns whether the clinic is active.
 */
export async function holdSmsOfInactiveClinic(
  deps: Pick<SmsSenderDeps, "tenants">,
  job: { clinicId: string; messageId: string },
): Promise<boolean> {
  const db = deps.tenants.forTenant(job.clinicId);
  const clinic = await db.clinic.findFirst({ select: { status: true } });
  if (clinic?.status === "active") return true;
  await db.smsMessage.updateMany({
    where: { id: job.messageId, status: { in: ["queued", "sending"] } },
    data: { status: "cancelled", errorMessage: `not sent: the clinic is ${clinic?.status ?? "gone"}` },
  });
  return false;
}

export async function sendStoredSms(
  deps: SmsSenderDeps,
  job: { clinicId: string; messageId: string },
): Promise<SendOutcome> {
  if (!(await holdSmsOfInactiveClinic(deps, job))) return "skipped";
  const db = deps.tenants.forTenant(job.clinicId);
  const message = await db.smsMessage.findUnique({
    where: { id: job.messageId },
    select: {
      status: true,
      attempts: true,
      kind: true,
      toNumber: true,
      body: true,
      appointment: { select: { status: true } },
    },
  });
  // "sending" is a previous attempt that died mid-call; whether Twilio took it is unknown, and a
  // second text beats a missing confirmation.
  if (!message || (message.status !== "queued" && message.status !== "sending")) return "skipped";
  if (message.kind === "reminder" && message.appointment?.status !== "booked") {
    await db.smsMessage.update({ where: { id: job.messageId }, data: { status: "cancelled" } });
    return "skipped";
  }
  if (await db.smsOptOut.findFirst({ where: { phone: message.toNumber }, select: { id: true } })) {
    await db.smsMessage.update({ where: { id: job.messageId }, data: { status: "skipped_opted_out" } });
    return "opted_out";
  }
  const sender = await senderFor(db, deps);
  if (typeof sender === "string") {
    await db.smsMessage.update({ where: { id: job.messageId }, data: { status: "failed", errorMessage: sender } });
    return "failed";
  }
  if (!deps.breaker.tryAcquire()) {
    throw new AppError(
      "UNAVAILABLE",
      "Twilio circuit is open after repeated failures; the message waits and is retried",
    );
  }
  // The claim: only the attempt that moves the message from the state it read (status and
  // attempt count) sends it. A job delivered twice at the same moment texts once.
  let claimed: { count: number };
  try {
    claimed = await db.smsMessage.updateMany({
      where: { id: job.messageId, status: message.status, attempts: message.attempts },
      data: { status: "sending", attempts: { increment: 1 }, fromNumber: sender.from },
    });
  } catch (error) {
    deps.breaker.release(); // Twilio was never asked: says nothing about it
    throw error;
  }
  if (claimed.count === 0) {
    deps.breaker.release();
    return "skipped";
  }
  try {
    const sent = await sender.client.messages.create({
      to: message.toNumber,
      from: sender.from,
      body: message.body,
      statusCallback: deps.statusCallbackUrl,
    });
    deps.breaker.success();
    await transact(db, async (tx, emit) => {
      const row = await tx.smsMessage.update({
        where: { id: job.messageId },
        data: { status: "sent", twilioSid: sent.sid, sentAt: new Date(), errorCode: null, errorMessage: null },
        select: { appointmentId: true },
      });
      emit(smsStatusEvent(job.messageId, row.appointmentId, "sent"));
    });
    return "sent";
  } catch (error) {
    // Twilio's refusals carry a numeric code; a network failure's code is a string
    // ("ECONNREFUSED"), which is no Twilio error code.
    const { code: rawCode, status, message: text } = error as { code?: unknown; status?: number; message?: string };
    const code = typeof rawCode === "number" ? rawCode : undefined;
    const permanent = typeof status === "number" && status >= 400 && status < 500 && status !== 429;
    if (!permanent) {
      deps.breaker.failure();
      await db.smsMessage.update({
        where: { id: job.messageId },
        data: {
          status: "queued",
          errorCode: code ?? null,
          errorMessage: `Twilio unavailable: ${text ?? "no answer"}`.slice(0, 500),
        },
      });
      throw new AppError("UNAVAILABLE", "Twilio did not accept the message; it waits and is retried");
    }
    deps.breaker.success(); // Twilio answered: it is up, this message is just refused
    await transact(db, async (tx, emit) => {
      const row = await tx.smsMessage.update({
        where: { id: job.messageId },
        data: {
          status: "failed",
          errorCode: code ?? status,
          errorMessage: (text ?? "refused by Twilio").slice(0, 500),
        },
        select: { appointmentId: true },
      });
      emit(smsStatusEvent(job.messageId, row.appointmentId, "failed"));
      if (code === TWILIO_OPTED_OUT) {
        await tx.smsOptOut.upsert({
          where: { clinicId_phone: { clinicId: job.clinicId, phone: message.toNumber } },
          create: { clinicId: job.clinicId, phone: message.toNumber, source: `twilio:${TWILIO_OPTED_OUT}` },
          update: {},
        });
      }
    });
    return code === TWILIO_OPTED_OUT ? "opted_out" : "failed";
  }
}
