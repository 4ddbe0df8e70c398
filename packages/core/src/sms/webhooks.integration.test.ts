// Twilio's webhooks as an attacker would send them: probing for numbers, replaying or
// reordering delivery reports, and one clinic (signing with its own Twilio account) trying to
// burn another clinic's MessageSid. Real PostgreSQL, real twilio signatures.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { twilioSignature } from "../../../../test/twilio-stub";
import { createTenantClients } from "../tenancy";
import { receiveInboundSms, receiveSmsStatus, type WebhookDeps } from "./webhooks";

const platform = { accountSid: `AC${"1a".repeat(16)}`, authToken: "2b".repeat(16) };
const INBOUND_URL = "https://app.frontdesk.test/api/twilio/sms/inbound";
const STATUS_URL = "https://app.frontdesk.test/api/twilio/sms/status";
const newSid = () => `SM${randomBytes(16).toString("hex")}`;
const uniqueNumber = () => `+1555${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;

describe("Twilio webhooks", () => {
  const t = useTestDatabase();
  let tenants: ReturnType<typeof createTenantClients>;
  const hooks = (): WebhookDeps => ({ rootDb: t.db, tenants, platformTwilio: platform });
  const signed = (url: string, params: Record<string, string>, token = platform.authToken) => ({
    url,
    params,
    signature: twilioSignature(token, url, params),
  });

  async function clinicWithNumber() {
    const clinic = await t.db.clinic.create({
      data: { name: "Webhook Dental", slug: `hooks-${randomBytes(4).toString("hex")}`, timezone: "UTC" },
    });
    const number = uniqueNumber();
    await t.db.phoneNumber.create({ data: { clinicId: clinic.id, e164: number, source: "managed", status: "active" } });
    return { clinicId: clinic.id, number };
  }

  beforeAll(() => {
    tenants = createTenantClients(t.url, { max: 3 });
  });
  afterAll(() => tenants.close());

  it("checks the signature before saying whether a number is connected", async () => {
    const { number } = await clinicWithNumber();
    const params = (to: string) => ({ To: to, From: "+14155550300", Body: "HELP", MessageSid: newSid() });
    const unknown = uniqueNumber();
    // Forged or unsigned: the same answer for a connected and an unknown number.
    for (const to of [number, unknown]) {
      await expect(receiveInboundSms(hooks(), signed(INBOUND_URL, params(to), "f".repeat(32)))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        receiveInboundSms(hooks(), { url: INBOUND_URL, params: params(to), signature: null }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        receiveSmsStatus(hooks(), {
          url: STATUS_URL,
          params: { MessageSid: newSid(), MessageStatus: "delivered", From: to },
          signature: "x",
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // Only Twilio itself (the platform's signature) learns that a number is not connected.
    await expect(receiveInboundSms(hooks(), signed(INBOUND_URL, params(unknown)))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("opts out and back in only on a whole-message keyword, or on Twilio's OptOutType", async () => {
    const { clinicId, number } = await clinicWithNumber();
    const patient = "+14155550301";
    const text = (Body: string, extra: Record<string, string> = {}) =>
      receiveInboundSms(
        hooks(),
        signed(INBOUND_URL, { To: number, From: patient, Body, MessageSid: newSid(), ...extra }),
      );
    const optedOut = async () => (await t.db.smsOptOut.count({ where: { clinicId, phone: patient } })) === 1;

    await text("Cancel my 3pm please");
    expect(await optedOut()).toBe(false);
    await text("  stop ");
    expect(await optedOut()).toBe(true);
    await text("Yes thanks, see you then");
    expect(await optedOut()).toBe(true);
    expect(await text("Start")).toContain("appointment texts again");
    expect(await optedOut()).toBe(false);
    // Advanced Opt-Out classified a keyword in another language: it wins over our list.
    await text("arrêt", { OptOutType: "STOP" });
    expect(await optedOut()).toBe(true);
    // Every text is kept for the clinic's log, keyword or not.
    expect(await t.db.smsMessage.count({ where: { clinicId, fromNumber: patient, direction: "inbound" } })).toBe(5);
  });

  it("never moves a delivery status backwards, whatever order the reports arrive in", async () => {
    const { clinicId, number } = await clinicWithNumber();
    const message = (twilioSid: string) =>
      t.db.smsMessage.create({
        data: {
          clinicId,
          direction: "outbound",
          kind: "confirmation",
          toNumber: "+14155550302",
          fromNumber: number,
          body: "See you Tuesday",
          status: "sent",
          twilioSid,
        },
      });
    const report = (MessageSid: string, MessageStatus: string, extra: Record<string, string> = {}) =>
      receiveSmsStatus(
        hooks(),
        signed(STATUS_URL, { MessageSid, MessageStatus, From: number, To: "+14155550302", ...extra }),
      );
    const statusOf = async (twilioSid: string) =>
      (await t.db.smsMessage.findFirstOrThrow({ where: { clinicId, twilioSid } })).status;

    const delivered = newSid();
    await message(delivered);
    await report(delivered, "delivered");
    await report(delivered, "failed", { ErrorCode: "30003" });
    await report(delivered, "sent");
    expect(await statusOf(delivered)).toBe("delivered");

    const failed = newSid();
    await message(failed);
    await report(failed, "failed", { ErrorCode: "30005" });
    await report(failed, "delivered");
    expect(await t.db.smsMessage.findFirstOrThrow({ where: { clinicId, twilioSid: failed } })).toMatchObject({
      status: "failed",
      errorCode: 30005,
    });

    // Concurrent reports: exactly one final state wins, and it is one of them.
    const raced = newSid();
    await message(raced);
    await Promise.all([report(raced, "delivered"), report(raced, "undelivered", { ErrorCode: "30003" })]);
    expect(["delivered", "undelivered"]).toContain(await statusOf(raced));

    // A status name that is not a delivery state changes nothing (and is not a crash).
    await report(delivered, "toString");
    expect(await statusOf(delivered)).toBe("delivered");
  });

  it("keeps each clinic's MessageSids its own: another clinic cannot pre-empt a STOP", async () => {
    const mallory = await clinicWithNumber();
    const victim = await clinicWithNumber();
    const sid = newSid();
    // Mallory's own number, signed validly, carrying the MessageSid the victim's STOP will have.
    await receiveInboundSms(
      hooks(),
      signed(INBOUND_URL, { To: mallory.number, From: "+14155550303", Body: "hello", MessageSid: sid }),
    );
    await receiveInboundSms(
      hooks(),
      signed(INBOUND_URL, { To: victim.number, From: "+14155550304", Body: "STOP", MessageSid: sid }),
    );
    expect(await t.db.smsOptOut.count({ where: { clinicId: victim.clinicId, phone: "+14155550304" } })).toBe(1);
    expect(await t.db.smsMessage.count({ where: { clinicId: victim.clinicId, twilioSid: sid } })).toBe(1);
  });
});
