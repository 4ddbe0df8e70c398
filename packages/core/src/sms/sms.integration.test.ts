// SMS end to end on real PostgreSQL, through the real twilio SDK pointed at a local stub of
// Twilio's API: queued with the booking, sent by the worker's processor, STOP honoured,
// forged webhooks refused, and a Twilio outage absorbed by the breaker without losing or
// duplicating anything.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { startTwilioStub, twilioSignature } from "../../../../test/twilio-stub";
import { bookAppointment, cancelAppointment } from "../appointments";
import type { Origin } from "../audit";
import { AppError } from "../errors";
import { createTenantClients } from "../tenancy";
import { CircuitBreaker } from "./breaker";
import { type SmsSenderDeps, sendStoredSms } from "./send-sms";
import { receiveInboundSms, receiveSmsStatus, type WebhookDeps } from "./webhooks";

const platform = { accountSid: `AC${"1a".repeat(16)}`, authToken: "2b".repeat(16) };
const clinicOwn = { accountSid: `AC${"3c".repeat(16)}`, authToken: "4d".repeat(16) };
const CLINIC_NUMBER = `+1555${String(Date.now()).slice(-7)}`;
const INBOUND_URL = "https://app.frontdesk.test/api/twilio/sms/inbound";
const STATUS_URL = "https://app.frontdesk.test/api/twilio/sms/status";
const agent: Origin = { actor: { type: "voice_agent", callId: null }, ip: null };

describe("SMS", () => {
  const t = useTestDatabase();
  let stub: Awaited<ReturnType<typeof startTwilioStub>>;
  let tenants: ReturnType<typeof createTenantClients>;
  let clinicId: string;
  let providerId: string;
  let typeId: string;
  let clock = Date.now();
  let breaker: CircuitBreaker;
  let slot = 0;
  const sms = (): SmsSenderDeps => ({
    tenants,
    breaker,
    platformTwilio: platform,
    twilioApiBaseUrl: stub.url,
    statusCallbackUrl: STATUS_URL,
  });
  const hooks = (): WebhookDeps => ({ rootDb: t.db, tenants, platformTwilio: platform });

  beforeAll(async () => {
    stub = await startTwilioStub(platform, clinicOwn);
    tenants = createTenantClients(t.url, { max: 3 });
    breaker = new CircuitBreaker({ threshold: 3, cooldownMs: 30_000, now: () => clock });
    const clinic = await t.db.clinic.create({
      data: {
        name: "Texting Dental",
        slug: `texting-${randomBytes(3).toString("hex")}`,
        timezone: "America/Chicago",
        minNoticeMinutes: 0,
        bookingHorizonDays: 3650,
      },
    });
    clinicId = clinic.id;
    await t.db.phoneNumber.create({ data: { clinicId, e164: CLINIC_NUMBER, source: "managed", status: "active" } });
    const provider = await t.db.provider.create({ data: { clinicId, name: "Dr. Text" } });
    providerId = provider.id;
    await t.db.workingHours.createMany({
      data: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        clinicId,
        providerId,
        weekday,
        startMinute: 0,
        endMinute: 1440,
      })),
    });
    const type = await t.db.appointmentType.create({ data: { clinicId, name: "Cleaning", durationMinutes: 30 } });
    typeId = type.id;
    await t.db.providerAppointmentType.create({ data: { clinicId, providerId, appointmentTypeId: typeId } });
  });
  afterAll(async () => {
    await tenants.close();
    await stub.close();
  });

  /** Books the next free half hour, 3 days out, for a patient with this phone. */
  async function book(phone: string) {
    const day = new Date(Date.now() + 3 * 86_400_000);
    day.setUTCHours(12, 0, 0, 0);
    const startsAt = new Date(day.getTime() + slot++ * 30 * 60_000);
    return bookAppointment(tenants.forTenant(clinicId), agent, {
      appointmentTypeId: typeId,
      providerId,
      startsAt,
      patient: { firstName: "Sam", lastName: "Smiles", phone },
    });
  }
  const messagesFor = (appointmentId: string) =>
    t.db.smsMessage.findMany({ where: { appointmentId }, orderBy: { createdAt: "asc" } });
  const send = (messageId: string) => sendStoredSms(sms(), { clinicId, messageId });
  const signed = (url: string, params: Record<string, string>, token = platform.authToken) => ({
    url,
    params,
    signature: twilioSignature(token, url, params),
  });

  it("queues a confirmation and a reminder with the booking, and sends each exactly once", async () => {
    const appointment = await book("+14155550201");
    const [confirmation, reminder] = await messagesFor(appointment.id);
    expect(confirmation).toMatchObject({
      kind: "confirmation",
      status: "queued",
      toNumber: "+14155550201",
      scheduledFor: null,
    });
    expect(confirmation?.body).toMatch(
      /^Texting Dental: Hi Sam, your Cleaning with Dr\. Text is booked for .+\. Reply STOP to opt out\.$/,
    );
    expect(reminder).toMatchObject({ kind: "reminder", status: "queued" });
    expect(reminder?.scheduledFor?.getTime()).toBe(appointment.startsAt.getTime() - 24 * 3_600_000);
    const jobs = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks k ON k.id = j.task_id
      WHERE k.identifier = 'sms:send' AND j.payload->>'messageId' IN (${confirmation?.id}, ${reminder?.id})`;
    expect(Number(jobs[0]?.n)).toBe(2);

    expect(await send(confirmation?.id as string)).toBe("sent");
    expect(await send(confirmation?.id as string)).toBe("skipped"); // a retried job
    const delivered = stub.state.messages.filter((m) => m.to === "+14155550201");
    expect(delivered).toEqual([
      {
        sid: expect.stringMatching(/^SM/),
        accountSid: platform.accountSid,
        to: "+14155550201",
        from: CLINIC_NUMBER,
        body: confirmation?.body,
        statusCallback: STATUS_URL,
      },
    ]);
    expect(await t.db.smsMessage.findUniqueOrThrow({ where: { id: confirmation?.id } })).toMatchObject({
      status: "sent",
      twilioSid: delivered[0]?.sid,
      fromNumber: CLINIC_NUMBER,
      attempts: 1,
    });
  });

  it("never sends the reminder of a cancelled appointment, and texts the cancellation", async () => {
    const appointment = await book("+14155550202");
    await cancelAppointment(tenants.forTenant(clinicId), agent, {
      appointmentId: appointment.id,
      reason: "patient called",
    });
    const messages = await messagesFor(appointment.id);
    const reminder = messages.find((m) => m.kind === "reminder");
    expect(reminder?.status).toBe("cancelled");
    expect(await send(reminder?.id as string)).toBe("skipped");
    expect(messages.find((m) => m.kind === "cancellation")?.status).toBe("queued");
  });

  it("honours STOP before every send, and START and HELP", async () => {
    const appointment = await book("+14155550203");
    const stop = {
      To: CLINIC_NUMBER,
      From: "+14155550203",
      Body: " stop ",
      MessageSid: `SM${randomBytes(16).toString("hex")}`,
    };
    expect(await receiveInboundSms(hooks(), signed(INBOUND_URL, stop))).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response></Response>',
    );
    expect(await receiveInboundSms(hooks(), signed(INBOUND_URL, stop))).toContain("<Response></Response>"); // Twilio's retry
    expect(await t.db.smsOptOut.count({ where: { clinicId, phone: "+14155550203" } })).toBe(1);
    expect(await t.db.smsMessage.count({ where: { clinicId, twilioSid: stop.MessageSid } })).toBe(1);

    const [confirmation] = await messagesFor(appointment.id);
    const before = stub.state.messages.length;
    expect(await send(confirmation?.id as string)).toBe("opted_out");
    expect(stub.state.messages.length).toBe(before);
    expect((await t.db.smsMessage.findUniqueOrThrow({ where: { id: confirmation?.id } })).status).toBe(
      "skipped_opted_out",
    );

    const help = { ...stop, Body: "HELP", MessageSid: `SM${randomBytes(16).toString("hex")}` };
    expect(await receiveInboundSms(hooks(), signed(INBOUND_URL, help))).toContain(
      "Texting Dental appointment texts. Reply STOP to stop",
    );
    const start = { ...stop, Body: "Start", MessageSid: `SM${randomBytes(16).toString("hex")}` };
    expect(await receiveInboundSms(hooks(), signed(INBOUND_URL, start))).toContain(
      "you&#39;ll get appointment texts again",
    );
    expect(await t.db.smsOptOut.count({ where: { clinicId, phone: "+14155550203" } })).toBe(0);
  });

  it("refuses a forged or unsigned webhook and changes nothing", async () => {
    const params = {
      To: CLINIC_NUMBER,
      From: "+14155550204",
      Body: "STOP",
      MessageSid: `SM${randomBytes(16).toString("hex")}`,
    };
    for (const request of [
      signed(INBOUND_URL, params, "f".repeat(32)), // signed with the wrong token
      { ...signed(INBOUND_URL, params), url: "https://evil.test/api/twilio/sms/inbound" },
      { ...signed(INBOUND_URL, params), params: { ...params, From: "+14155550299" } }, // tampered
      { url: INBOUND_URL, params, signature: null },
    ]) {
      await expect(receiveInboundSms(hooks(), request)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await t.db.smsOptOut.count({ where: { clinicId, phone: { in: ["+14155550204", "+14155550299"] } } })).toBe(
      0,
    );
    expect(await t.db.smsMessage.count({ where: { twilioSid: params.MessageSid } })).toBe(0);
  });

  it("records delivery reports in order and takes a carrier opt-out (21610)", async () => {
    const appointment = await book("+14155550205");
    const [confirmation] = await messagesFor(appointment.id);
    await send(confirmation?.id as string);
    const { twilioSid } = await t.db.smsMessage.findUniqueOrThrow({ where: { id: confirmation?.id } });
    const report = (status: string, extra: Record<string, string> = {}) =>
      receiveSmsStatus(
        hooks(),
        signed(STATUS_URL, {
          MessageSid: twilioSid as string,
          MessageStatus: status,
          From: CLINIC_NUMBER,
          To: "+14155550205",
          ...extra,
        }),
      );
    await report("delivered");
    await report("sent"); // late and out of order
    expect((await t.db.smsMessage.findUniqueOrThrow({ where: { id: confirmation?.id } })).status).toBe("delivered");

    stub.state.optedOut.add("+14155550206");
    const refused = await book("+14155550206");
    const [refusedConfirmation] = await messagesFor(refused.id);
    expect(await send(refusedConfirmation?.id as string)).toBe("opted_out");
    expect(await t.db.smsMessage.findUniqueOrThrow({ where: { id: refusedConfirmation?.id } })).toMatchObject({
      status: "failed",
      errorCode: 21610,
    });
    expect(await t.db.smsOptOut.findFirst({ where: { clinicId, phone: "+14155550206" } })).toMatchObject({
      source: "twilio:21610",
    });
  });

  it("sends from the clinic's own Twilio account when its number is theirs, and verifies with their token", async () => {
    const { setTwilioCredentials } = await import("../credentials");
    const { createKeyring, decryptSecret } = await import("../crypto");
    const keyring = createKeyring("k1", "5f".repeat(32));
    const byoClinic = await t.db.clinic.create({
      data: { name: "Own Account Ortho", slug: `own-${randomBytes(3).toString("hex")}`, timezone: "UTC" },
    });
    const saved = await setTwilioCredentials(
      tenants.forTenant(byoClinic.id),
      { actor: { type: "system" }, ip: null },
      clinicOwn,
      keyring,
    );
    expect(saved.publicData).toEqual({ accountSid: `AC3c3c…3c3c` });
    const stored = await t.db.credential.findUniqueOrThrow({ where: { id: saved.id } });
    expect(stored.ciphertext).not.toContain(clinicOwn.authToken);
    expect(() => decryptSecret(keyring, stored.ciphertext, clinicId)).toThrow(/integrity/); // bound to its clinic
    const ownNumber = `+1556${String(Date.now()).slice(-7)}`;
    await t.db.phoneNumber.create({
      data: { clinicId: byoClinic.id, e164: ownNumber, source: "byo", status: "active", credentialId: saved.id },
    });
    const message = await t.db.smsMessage.create({
      data: {
        clinicId: byoClinic.id,
        direction: "outbound",
        kind: "confirmation",
        toNumber: "+14155550230",
        body: "own account",
        status: "queued",
      },
    });
    expect(await sendStoredSms({ ...sms(), keyring }, { clinicId: byoClinic.id, messageId: message.id })).toBe("sent");
    expect(stub.state.messages.at(-1)).toMatchObject({
      accountSid: clinicOwn.accountSid,
      from: ownNumber,
      body: "own account",
    });

    const stop = {
      To: ownNumber,
      From: "+14155550230",
      Body: "STOP",
      MessageSid: `SM${randomBytes(16).toString("hex")}`,
    };
    const byoHooks = { ...hooks(), keyring };
    await expect(receiveInboundSms(byoHooks, signed(INBOUND_URL, stop))).rejects.toMatchObject({ code: "FORBIDDEN" }); // platform token
    await receiveInboundSms(byoHooks, signed(INBOUND_URL, stop, clinicOwn.authToken));
    expect(await t.db.smsOptOut.count({ where: { clinicId: byoClinic.id, phone: "+14155550230" } })).toBe(1);
  });

  it("waits out a Twilio outage behind the breaker, then sends everything once", async () => {
    const appointments = await Promise.all(
      ["+14155550211", "+14155550212", "+14155550213", "+14155550214", "+14155550215"].map(book),
    );
    const ids = await Promise.all(appointments.map(async (a) => (await messagesFor(a.id))[0]?.id as string));
    stub.state.down = true;
    const requestsBefore = stub.state.requests;

    // Three failures open the breaker; after that nothing reaches Twilio.
    for (const id of ids.slice(0, 3)) await expect(send(id)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(breaker.state).toBe("open");
    expect(stub.state.requests - requestsBefore).toBe(3);
    for (const id of ids) await expect(send(id)).rejects.toBeInstanceOf(AppError);
    expect(stub.state.requests - requestsBefore).toBe(3);
    // Nothing lost: every message is still queued, its failure recorded.
    const waiting = await t.db.smsMessage.findMany({ where: { id: { in: ids } } });
    expect(waiting.map((m) => m.status)).toEqual(ids.map(() => "queued"));
    expect(waiting.filter((m) => m.errorMessage?.startsWith("Twilio unavailable")).length).toBe(3);

    // Twilio recovers; after the cool-down one trial goes through and closes the breaker.
    stub.state.down = false;
    clock += 30_000;
    expect(breaker.state).toBe("half-open");
    for (const id of ids) expect(await send(id)).toBe("sent");
    for (const id of ids) expect(await send(id)).toBe("skipped"); // retried jobs find them sent
    expect(breaker.state).toBe("closed");
    const bodies = (await t.db.smsMessage.findMany({ where: { id: { in: ids } } })).map((m) => m.body);
    for (const body of bodies) expect(stub.state.messages.filter((m) => m.body === body)).toHaveLength(1);
  });

  it("a suspended or deleted clinic texts nobody and takes no webhooks", async () => {
    const appointment = await book("+14155550221");
    const [confirmation, reminder] = await messagesFor(appointment.id);
    const requestsBefore = stub.state.requests;
    try {
      for (const status of ["suspended", "deleted"] as const) {
        await t.db.clinic.update({ where: { id: clinicId }, data: { status } });
        for (const message of [confirmation, reminder]) expect(await send(message?.id as string)).toBe("skipped");
        const stop = {
          To: CLINIC_NUMBER,
          From: "+14155550221",
          Body: "STOP",
          MessageSid: `SM${randomBytes(16).toString("hex")}`,
        };
        await expect(receiveInboundSms(hooks(), signed(INBOUND_URL, stop))).rejects.toMatchObject({
          code: "NOT_FOUND",
        });
        expect(await t.db.smsMessage.count({ where: { twilioSid: stop.MessageSid } })).toBe(0);
      }
      expect(stub.state.requests).toBe(requestsBefore);
      for (const message of await messagesFor(appointment.id)) {
        expect(message).toMatchObject({ status: "cancelled", errorMessage: "not sent: the clinic is suspended" });
      }
    } finally {
      await t.db.clinic.update({ where: { id: clinicId }, data: { status: "active" } });
    }
  });

  it("texts once when one send job is delivered twice at the same moment", async () => {
    const appointment = await book("+14155550207");
    const [confirmation] = await messagesFor(appointment.id);
    const outcomes = await Promise.all([send(confirmation?.id as string), send(confirmation?.id as string)]);
    expect(outcomes.sort()).toEqual(["sent", "skipped"]);
    expect(stub.state.messages.filter((m) => m.to === "+14155550207")).toHaveLength(1);
    expect(await t.db.smsMessage.findUniqueOrThrow({ where: { id: confirmation?.id } })).toMatchObject({
      status: "sent",
      attempts: 1,
    });
  });

  it("keeps a message queued, with a readable reason, when Twilio cannot be reached at all", async () => {
    const appointment = await book("+14155550208");
    const [confirmation] = await messagesFor(appointment.id);
    const unreachable = await startTwilioStub(platform, clinicOwn);
    await unreachable.close();
    const attempt = sendStoredSms(
      {
        ...sms(),
        twilioApiBaseUrl: unreachable.url,
        breaker: new CircuitBreaker({ threshold: 3, cooldownMs: 30_000 }),
      },
      { clinicId, messageId: confirmation?.id as string },
    );
    await expect(attempt).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(await t.db.smsMessage.findUniqueOrThrow({ where: { id: confirmation?.id } })).toMatchObject({
      status: "queued",
      errorCode: null,
      errorMessage: expect.stringMatching(/^Twilio unavailable: /),
    });
  });
});
