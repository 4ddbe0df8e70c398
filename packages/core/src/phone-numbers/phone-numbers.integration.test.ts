// Phone numbers on real PostgreSQL, with the real twilio and Vapi SDKs talking to local stubs of
// their HTTP APIs: bring your own, buy managed (in a per-clinic subaccount), the provisioning
// job's retries after a failure between buying and importing, release, activation, test calls,
// reconciliation, and no secret in anything we store, return or throw.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useCore } from "../../../../test/core";
import { useTestDatabase } from "../../../../test/database";
import { startTwilioStub } from "../../../../test/twilio-stub";
import { startVapiStub } from "../../../../test/vapi-stub";
import { listCalls } from "../calls";
import { setTwilioCredentials } from "../credentials";
import { createKeyring } from "../crypto";
import { AppError } from "../errors";
import { hit } from "../rate-limit";
import { createTenantClients, type TenantClients } from "../tenancy";
import { createVapiClient } from "../vapi";
import { numberTakenMessage } from "./add-phone-number";
import type { TelephonyDeps } from "./deps";
import {
  assignAssistant,
  buyPhoneNumber,
  connectPhoneNumber,
  finishRelease,
  listPhoneNumbers,
  listTwilioNumbers,
  placeTestCall,
  provisionPhoneNumber,
  reconcilePhoneNumbers,
  releasePhoneNumber,
  searchAvailableNumbers,
  setPhoneNumberActive,
} from "./index";

const PLATFORM = { accountSid: `AC${"a1".repeat(16)}`, authToken: "f0".repeat(16) };
const OWN = { accountSid: `AC${"b2".repeat(16)}`, authToken: "c3".repeat(16) };
const VAPI_KEY = "vapi-private-key-for-number-tests";
const WEBHOOK_SECRET = "vapi-webhook-secret-for-number-tests-0123";
const APP_URL = "https://app.frontdesk.test";
const WEBHOOK = `${APP_URL}/api/vapi/webhook`;

const t = useTestDatabase();
const core = useCore(t);
let twilio: Awaited<ReturnType<typeof startTwilioStub>>;
let vapi: Awaited<ReturnType<typeof startVapiStub>>;
let tenants: TenantClients;
let deps: TelephonyDeps;
const keyring = createKeyring("k1", "5a".repeat(32));

beforeAll(async () => {
  twilio = await startTwilioStub(PLATFORM, OWN);
  vapi = await startVapiStub(VAPI_KEY);
  tenants = createTenantClients(t.url, { max: 4 });
  deps = {
    tenants,
    vapi: createVapiClient({ token: VAPI_KEY, baseUrl: vapi.url }),
    keyring,
    platformTwilio: PLATFORM,
    twilioApiBaseUrl: twilio.url,
    appUrl: APP_URL,
    vapiWebhookSecret: WEBHOOK_SECRET,
    vapiTimeoutSeconds: 1,
    hit: (key, limit) => hit(t.db, key, limit),
  };
});
afterAll(async () => {
  await tenants.close();
  await twilio.close();
  await vapi.close();
});

let serial = 0;
/** A number nobody has used in this file (area code 312 for bring-your-own ones). */
const freshNumber = (areaCode = "312") => {
  serial += 1;
  return `+1${areaCode}${String(2_000_000 + serial * 7919 + Math.floor(Math.random() * 1000)).slice(-7)}`;
};

const vapiNumbersFor = (e164: string) => [...vapi.state.phoneNumbers.values()].filter((n) => n.number === e164);
const jobsFor = (phoneNumberId: string) =>
  t.db.$queryRaw<{ task_identifier: string; queue_name: string | null }[]>`
    SELECT k.identifier AS task_identifier, q.queue_name
      FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks k ON k.id = j.task_id
      LEFT JOIN graphile_worker._private_job_queues q ON q.id = j.job_queue_id
     WHERE j.payload->>'phoneNumberId' = ${phoneNumberId}`;

async function clinicWithOwnTwilio(label = "Numbers") {
  const clinic = await core.newClinic(label);
  const credential = await setTwilioCredentials(clinic.db, clinic.origin, OWN, keyring);
  return { ...clinic, credentialId: credential.id };
}

/** A managed number bought and provisioned to active. */
async function activeManagedNumber(clinic: Awaited<ReturnType<typeof core.newClinic>>) {
  const [choice] = await searchAvailableNumbers(deps, { areaCode: String(200 + Math.floor(Math.random() * 700)) });
  if (!choice) throw new Error("the stub offered no number");
  const row = await buyPhoneNumber(clinic.db, clinic.origin, { e164: choice.e164, label: "Front desk" });
  expect(await provisionPhoneNumber(deps, { clinicId: clinic.clinicId, phoneNumberId: row.id })).toBe("active");
  return row;
}

describe("adding a number", () => {
  it("accepts only E.164", async () => {
    const clinic = await clinicWithOwnTwilio();
    for (const e164 of ["415-555-0101", "14155550101", "+0415555010", "+1415555010123456"]) {
      await expect(
        connectPhoneNumber(clinic.db, clinic.origin, { credentialId: clinic.credentialId, e164 }),
      ).rejects.toThrow(/international format/);
    }
    expect(await listPhoneNumbers(clinic.db)).toEqual([]);
  });

  it("refuses a number any clinic holds with 409 and a sentence, also when two clinics race for it", async () => {
    const [a, b] = await Promise.all([core.newClinic("Racer A"), core.newClinic("Racer B")]);
    const e164 = freshNumber("646");
    const results = await Promise.allSettled([
      buyPhoneNumber(a.db, a.origin, { e164 }),
      buyPhoneNumber(b.db, b.origin, { e164 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusal = results.find((r) => r.status === "rejected")?.reason;
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "CONFLICT", message: numberTakenMessage(e164) });
    // The sentence names the number and what to do, never the clinic that has it.
    expect(refusal.message).not.toMatch(/Racer|[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(await t.db.phoneNumber.count({ where: { e164 } })).toBe(1);
    // The same clinic twice: the same answer.
    const winner = results[0]?.status === "fulfilled" ? a : b;
    await expect(buyPhoneNumber(winner.db, winner.origin, { e164 })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("bring your own Twilio number", () => {
  it("lists the account's numbers, imports one into Vapi for assistant-request and points its SMS at us", async () => {
    const clinic = await clinicWithOwnTwilio();
    const e164 = freshNumber();
    twilio.addNumber(OWN.accountSid, e164, "Main line");
    const listed = await listTwilioNumbers(clinic.db, deps, { credentialId: clinic.credentialId });
    expect(listed).toContainEqual({ e164, friendlyName: "Main line", connected: false });

    const row = await connectPhoneNumber(clinic.db, clinic.origin, {
      credentialId: clinic.credentialId,
      e164,
      label: "Main line",
    });
    expect(row).toMatchObject({ e164, status: "pending", source: "byo", label: "Main line" });
    expect(await jobsFor(row.id)).toEqual([
      { task_identifier: "phone-numbers:provision", queue_name: `phone-number:${row.id}` },
    ]);
    const purchasesBefore = twilio.state.purchases.length;

    expect(await provisionPhoneNumber(deps, { clinicId: clinic.clinicId, phoneNumberId: row.id })).toBe("active");

    const creates = vapi.sent("POST", "/phone-number").filter((r) => (r.body as { number: string }).number === e164);
    expect(creates).toHaveLength(1);
    const body = creates[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      provider: "twilio",
      number: e164,
      twilioAccountSid: OWN.accountSid,
      twilioAuthToken: OWN.authToken,
      smsEnabled: false,
      name: "Main line",
      server: { url: WEBHOOK, headers: { "X-Vapi-Secret": WEBHOOK_SECRET } },
    });
    expect(body).not.toHaveProperty("assistantId");
    const inTwilio = twilio.state.numbers.find((n) => n.phoneNumber === e164);
    expect(inTwilio).toMatchObject({
      smsUrl: `${APP_URL}/api/twilio/sms/inbound`,
      smsMethod: "POST",
      statusCallback: `${APP_URL}/api/twilio/sms/status`,
    });
    expect(twilio.state.purchases.length).toBe(purchasesBefore);
    const stored = await t.db.phoneNumber.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ status: "active", syncError: null, twilioSid: inTwilio?.sid });
    expect(stored.vapiPhoneNumberId).toBe(vapiNumbersFor(e164)[0]?.id);
    expect(await listTwilioNumbers(clinic.db, deps, { credentialId: clinic.credentialId })).toContainEqual({
      e164,
      friendlyName: "Main line",
      connected: true,
    });
  });

  it("fails with a readable reason when the number is not in the clinic's account", async () => {
    const clinic = await clinicWithOwnTwilio();
    const e164 = freshNumber();
    const row = await connectPhoneNumber(clinic.db, clinic.origin, { credentialId: clinic.credentialId, e164 });
    expect(await provisionPhoneNumber(deps, { clinicId: clinic.clinicId, phoneNumberId: row.id })).toBe("failed");
    const [listed] = await listPhoneNumbers(clinic.db);
    expect(listed).toMatchObject({
      status: "failed",
      syncError: expect.stringContaining("not in the connected Twilio account"),
    });
    expect(vapiNumbersFor(e164)).toEqual([]);
  });
});

describe("managed numbers", () => {
  it("searches by area code, buys in the clinic's own subaccount (made once) and imports it", async () => {
    const clinic = await core.newClinic("Managed");
    const found = await searchAvailableNumbers(deps, { areaCode: "415" });
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((n) => n.e164.startsWith("+1415"))).toBe(true);
    const subaccountsBefore = twilio.state.subaccounts.length;

    const first = await activeManagedNumber(clinic);
    const second = await activeManagedNumber(clinic);

    expect(twilio.state.subaccounts.length).toBe(subaccountsBefore + 1);
    const sub = twilio.state.subaccounts.at(-1);
    for (const row of [first, second]) {
      const inTwilio = twilio.state.numbers.find((n) => n.phoneNumber === row.e164);
      expect(inTwilio?.accountSid).toBe(sub?.accountSid);
      expect(inTwilio?.smsUrl).toBe(`${APP_URL}/api/twilio/sms/inbound`);
      expect(twilio.state.purchases.filter((p) => p === row.e164)).toHaveLength(1);
      expect(vapiNumbersFor(row.e164)).toHaveLength(1);
      expect(vapiNumbersFor(row.e164)[0]).toMatchObject({ twilioAccountSid: sub?.accountSid, smsEnabled: false });
    }
    const credentials = await t.db.credential.findMany({ where: { clinicId: clinic.clinicId } });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.ciphertext).not.toContain(sub?.authToken);
  });

  it("finishes a provisioning that failed between buying and importing (Vapi 503): one purchase, one Vapi number", async () => {
    const clinic = await core.newClinic("Retry");
    const [choice] = await searchAvailableNumbers(deps, { areaCode: "717" });
    const row = await buyPhoneNumber(clinic.db, clinic.origin, { e164: choice?.e164 as string });
    vapi.failOn("POST", "/phone-number", 503);

    const job = { clinicId: clinic.clinicId, phoneNumberId: row.id };
    await expect(provisionPhoneNumber(deps, job)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    const halfway = await t.db.phoneNumber.findUniqueOrThrow({ where: { id: row.id } });
    expect(halfway).toMatchObject({ status: "pending", syncError: "Vapi is unavailable (HTTP 503); retrying" });
    expect(halfway.twilioSid).toMatch(/^PN/);
    expect(halfway.vapiPhoneNumberId).toBeNull();

    expect(await provisionPhoneNumber(deps, job)).toBe("active");
    expect(twilio.state.purchases.filter((p) => p === row.e164)).toHaveLength(1);
    expect(vapiNumbersFor(row.e164)).toHaveLength(1);
    // The failed create was sent once (no SDK retry), the retry once more.
    expect(
      vapi.sent("POST", "/phone-number").filter((r) => (r.body as { number: string }).number === row.e164),
    ).toHaveLength(2);
  });

  it("adopts the Vapi number a timed-out create made instead of importing it twice", async () => {
    const clinic = await core.newClinic("Timeout");
    const [choice] = await searchAvailableNumbers(deps, { areaCode: "818" });
    const row = await buyPhoneNumber(clinic.db, clinic.origin, { e164: choice?.e164 as string });
    vapi.failOn("POST", "/phone-number", "timeout");
    const job = { clinicId: clinic.clinicId, phoneNumberId: row.id };
    await expect(provisionPhoneNumber(deps, job)).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: "Vapi did not answer in time; retrying",
    });
    // Vapi did make it; only its answer was lost.
    const madeAnyway = { id: `pn-${randomBytes(4).toString("hex")}`, number: row.e164, server: { url: WEBHOOK } };
    vapi.state.phoneNumbers.set(madeAnyway.id, madeAnyway);

    expect(await provisionPhoneNumber(deps, job)).toBe("active");
    expect(vapiNumbersFor(row.e164)).toHaveLength(1);
    expect((await t.db.phoneNumber.findUniqueOrThrow({ where: { id: row.id } })).vapiPhoneNumberId).toBe(madeAnyway.id);
    expect(twilio.state.purchases.filter((p) => p === row.e164)).toHaveLength(1);
  });

  it("gives up with a readable reason when Vapi refuses, or when the last attempt still finds it down", async () => {
    const clinic = await core.newClinic("Refused");
    const [a, b] = await searchAvailableNumbers(deps, { areaCode: "907" });
    const refused = await buyPhoneNumber(clinic.db, clinic.origin, { e164: a?.e164 as string });
    vapi.failOn("POST", "/phone-number", 400);
    expect(await provisionPhoneNumber(deps, { clinicId: clinic.clinicId, phoneNumberId: refused.id })).toBe("failed");
    const down = await buyPhoneNumber(clinic.db, clinic.origin, { e164: b?.e164 as string });
    vapi.failOn("POST", "/phone-number", 503);
    const outcome = await provisionPhoneNumber(
      deps,
      { clinicId: clinic.clinicId, phoneNumberId: down.id },
      { lastAttempt: true },
    );
    expect(outcome).toBe("failed");
    const rows = await listPhoneNumbers(clinic.db);
    expect(rows.map((r) => [r.status, r.syncError])).toEqual([
      ["failed", "Vapi refused the request (HTTP 400)"],
      ["failed", "Vapi is unavailable (HTTP 503)"],
    ]);
  });
});

describe("changing a number", () => {
  it("deactivates and activates only a provisioned number, and audits each change", async () => {
    const clinic = await core.newClinic("Switch");
    const row = await activeManagedNumber(clinic);
    const input = { phoneNumberId: row.id };
    expect(await setPhoneNumberActive(clinic.db, clinic.origin, { ...input, active: false })).toMatchObject({
      status: "inactive",
    });
    // Twice is still off, and writes no second audit row.
    await setPhoneNumberActive(clinic.db, clinic.origin, { ...input, active: false });
    expect(await setPhoneNumberActive(clinic.db, clinic.origin, { ...input, active: true })).toMatchObject({
      status: "active",
    });
    const pending = await buyPhoneNumber(clinic.db, clinic.origin, { e164: freshNumber("929") });
    await expect(
      setPhoneNumberActive(clinic.db, clinic.origin, { phoneNumberId: pending.id, active: true }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("still being set up") });
    const audit = await t.db.auditLog.findMany({
      where: { clinicId: clinic.clinicId, targetId: row.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorType: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "phoneNumbers.buy",
      "phoneNumbers.activate",
      "phoneNumbers.deactivate",
      "phoneNumbers.activate",
    ]);
  });

  it("assigns only the clinic's own assistants", async () => {
    const clinic = await core.newClinic("Assign");
    const other = await core.newClinic("Other");
    const row = await buyPhoneNumber(clinic.db, clinic.origin, { e164: freshNumber("347") });
    const mine = await t.db.assistant.create({
      data: { clinicId: clinic.clinicId, name: "Evening", systemPrompt: "p", firstMessage: "hi" },
    });
    const theirs = await t.db.assistant.create({
      data: { clinicId: other.clinicId, name: "Theirs", systemPrompt: "p", firstMessage: "hi" },
    });
    expect(
      await assignAssistant(clinic.db, clinic.origin, { phoneNumberId: row.id, assistantId: mine.id }),
    ).toMatchObject({ assistant: { id: mine.id, name: "Evening" } });
    await expect(
      assignAssistant(clinic.db, clinic.origin, { phoneNumberId: row.id, assistantId: theirs.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Nor can the other clinic touch this number.
    await expect(
      assignAssistant(other.db, other.origin, { phoneNumberId: row.id, assistantId: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("release", () => {
  it("takes a managed number out of service at once, then removes it from Vapi and Twilio and deletes the row", async () => {
    const clinic = await core.newClinic("Release");
    const row = await activeManagedNumber(clinic);
    const vapiId = (await t.db.phoneNumber.findUniqueOrThrow({ where: { id: row.id } })).vapiPhoneNumberId;
    await releasePhoneNumber(clinic.db, clinic.origin, { phoneNumberId: row.id });
    expect((await t.db.phoneNumber.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("released");
    expect(await listPhoneNumbers(clinic.db)).toEqual([]);
    expect((await jobsFor(row.id)).map((j) => j.task_identifier)).toContain("phone-numbers:release");

    expect(await finishRelease(deps, { clinicId: clinic.clinicId, phoneNumberId: row.id })).toBe("released");
    expect(vapi.sent("DELETE", `/phone-number/${vapiId}`)).toHaveLength(1);
    expect(vapiNumbersFor(row.e164)).toEqual([]);
    expect(twilio.state.numbers.some((n) => n.phoneNumber === row.e164)).toBe(false);
    expect(await t.db.phoneNumber.count({ where: { id: row.id } })).toBe(0);
    // Running again finds nothing to do.
    expect(await finishRelease(deps, { clinicId: clinic.clinicId, phoneNumberId: row.id })).toBe("skipped");
    // And the number can be connected again.
    expect(await buyPhoneNumber(clinic.db, clinic.origin, { e164: row.e164 })).toMatchObject({ status: "pending" });
  });

  it("leaves a brought number in the clinic's Twilio account, no longer texting us", async () => {
    const clinic = await clinicWithOwnTwilio("Byo release");
    const e164 = freshNumber();
    twilio.addNumber(OWN.accountSid, e164);
    const row = await connectPhoneNumber(clinic.db, clinic.origin, { credentialId: clinic.credentialId, e164 });
    await provisionPhoneNumber(deps, { clinicId: clinic.clinicId, phoneNumberId: row.id });
    await releasePhoneNumber(clinic.db, clinic.origin, { phoneNumberId: row.id });
    await finishRelease(deps, { clinicId: clinic.clinicId, phoneNumberId: row.id });
    expect(twilio.state.numbers.find((n) => n.phoneNumber === e164)).toMatchObject({ smsUrl: "", statusCallback: "" });
    expect(vapiNumbersFor(e164)).toEqual([]);
  });
});

describe("Call my phone", () => {
  it("asks Vapi to call from the clinic's number with its assistant, and records the outbound call", async () => {
    const clinic = await core.newClinic("Test call");
    const row = await activeManagedNumber(clinic);
    const assistant = await t.db.assistant.create({
      data: { clinicId: clinic.clinicId, name: "Day desk", systemPrompt: "Be kind.", firstMessage: "Hello!" },
    });
    await assignAssistant(clinic.db, clinic.origin, { phoneNumberId: row.id, assistantId: assistant.id });
    const vapiPhoneNumberId = (await t.db.phoneNumber.findUniqueOrThrow({ where: { id: row.id } })).vapiPhoneNumberId;

    const placed = await placeTestCall(clinic.db, deps, clinic.origin, { phoneNumberId: row.id, to: "+14155550199" });

    const sent = vapi.sent("POST", "/call").at(-1)?.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      phoneNumberId: vapiPhoneNumberId,
      customer: { number: "+14155550199" },
      // Not synced yet: the same inline assistant an inbound call would get.
      assistant: {
        name: "Day desk",
        firstMessage: "Hello!",
        server: { url: WEBHOOK, headers: { "X-Vapi-Secret": WEBHOOK_SECRET } },
        metadata: { clinicId: clinic.clinicId, assistantId: assistant.id },
      },
      assistantOverrides: { variableValues: expect.objectContaining({ clinicName: expect.any(String) }) },
    });
    expect(sent).not.toHaveProperty("assistantId");
    const call = await t.db.call.findUniqueOrThrow({ where: { id: placed.callId } });
    expect(call).toMatchObject({
      vapiCallId: placed.vapiCallId,
      direction: "outbound",
      phoneNumberId: row.id,
      assistantId: assistant.id,
      fromNumber: row.e164,
      toNumber: "+14155550199",
    });
    expect((await listCalls(clinic.db, {})).items.map((c) => c.id)).toContain(placed.callId);

    // Once synced, Vapi gets the assistant's id instead.
    await t.db.assistant.update({
      where: { id: assistant.id },
      data: { vapiAssistantId: "asst-synced-1", syncStatus: "synced" },
    });
    await placeTestCall(clinic.db, deps, clinic.origin, { phoneNumberId: row.id, to: "+14155550199" });
    expect(vapi.sent("POST", "/call").at(-1)?.body).toMatchObject({ assistantId: "asst-synced-1" });
    expect(await t.db.auditLog.count({ where: { clinicId: clinic.clinicId, action: "phoneNumbers.testCall" } })).toBe(
      2,
    );
  });

  it("is rate-limited per clinic and refuses a number that is not active", async () => {
    const clinic = await core.newClinic("Limited");
    const row = await activeManagedNumber(clinic);
    const input = { phoneNumberId: row.id, to: "+14155550123" };
    for (let i = 0; i < 5; i += 1) await placeTestCall(clinic.db, deps, clinic.origin, input);
    const callsBefore = vapi.sent("POST", "/call").length;
    await expect(placeTestCall(clinic.db, deps, clinic.origin, input)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/too many test calls from this clinic; try again in \d+ minutes/),
    });
    expect(vapi.sent("POST", "/call").length).toBe(callsBefore);

    const other = await core.newClinic("Not limited");
    const off = await activeManagedNumber(other);
    await setPhoneNumberActive(other.db, other.origin, { phoneNumberId: off.id, active: false });
    await expect(
      placeTestCall(other.db, deps, other.origin, { phoneNumberId: off.id, to: "+14155550123" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(placeTestCall(other.db, deps, other.origin, { ...input, to: "555-0123" })).rejects.toThrow(
      /international format/,
    );
  });
});

describe("reconciliation", () => {
  it("re-imports a number Vapi lost and reports, without deleting, one only Vapi has", async () => {
    const clinic = await core.newClinic("Reconcile");
    const row = await activeManagedNumber(clinic);
    const lostId = (await t.db.phoneNumber.findUniqueOrThrow({ where: { id: row.id } })).vapiPhoneNumberId as string;
    vapi.state.phoneNumbers.delete(lostId);
    const orphan = {
      id: `pn-orphan-${randomBytes(3).toString("hex")}`,
      number: "+19995550100",
      server: { url: WEBHOOK },
    };
    const foreign = { id: "pn-not-ours", number: "+19995550101", server: { url: "https://elsewhere.test/hook" } };
    vapi.state.phoneNumbers.set(orphan.id, orphan);
    vapi.state.phoneNumbers.set(foreign.id, foreign);

    const result = await reconcilePhoneNumbers({ ...deps, rootDb: t.db });

    expect(result.reimported).toBeGreaterThanOrEqual(1);
    expect(result.orphans).toContain(orphan.id);
    expect(result.orphans).not.toContain(foreign.id);
    const repaired = await t.db.phoneNumber.findUniqueOrThrow({ where: { id: row.id } });
    expect(repaired.vapiPhoneNumberId).not.toBe(lostId);
    expect(vapiNumbersFor(row.e164).map((n) => n.id)).toEqual([repaired.vapiPhoneNumberId]);
    expect(vapi.state.phoneNumbers.has(orphan.id)).toBe(true);
    expect(vapi.sent("DELETE", `/phone-number/${orphan.id}`)).toEqual([]);
    // A second pass finds nothing missing.
    const again = await reconcilePhoneNumbers({ ...deps, rootDb: t.db });
    expect(again.reimported).toBe(0);
  });
});

describe("secrets", () => {
  it("keeps Twilio and Vapi secrets out of rows, audit entries, answers and errors", async () => {
    const clinic = await clinicWithOwnTwilio("Secrets");
    const e164 = freshNumber();
    twilio.addNumber(OWN.accountSid, e164);
    const row = await connectPhoneNumber(clinic.db, clinic.origin, { credentialId: clinic.credentialId, e164 });
    vapi.failOn("POST", "/phone-number", 400);
    await provisionPhoneNumber(deps, { clinicId: clinic.clinicId, phoneNumberId: row.id });
    const errors: string[] = [];
    vapi.state.down = true;
    await placeTestCall(clinic.db, deps, clinic.origin, { phoneNumberId: row.id, to: "+14155550100" }).catch((e) =>
      errors.push(String(e), JSON.stringify(e)),
    );
    vapi.state.down = false;
    twilio.state.down = true;
    await listTwilioNumbers(clinic.db, deps, { credentialId: clinic.credentialId }).catch((e) =>
      errors.push(String(e), JSON.stringify(e)),
    );
    twilio.state.down = false;
    expect(errors.length).toBeGreaterThan(0);

    const secrets = [
      OWN.authToken,
      PLATFORM.authToken,
      VAPI_KEY,
      WEBHOOK_SECRET,
      ...twilio.state.subaccounts.map((s) => s.authToken),
    ];
    const everything = JSON.stringify({
      rows: await t.db.phoneNumber.findMany(),
      listed: await listPhoneNumbers(clinic.db),
      audit: await t.db.auditLog.findMany(),
      calls: await t.db.call.findMany(),
      jobs: await t.db.$queryRaw`SELECT payload, last_error FROM graphile_worker._private_jobs`,
      errors,
    });
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});
