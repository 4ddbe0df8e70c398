// The breaker's half-open trial when the work around the send fails (issue 8, item 11): a
// database error on the trial's status update must not leave every later text refused.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { startTwilioStub } from "../../../../test/twilio-stub";
import { createTenantClients } from "../tenancy";
import { CircuitBreaker } from "./breaker";
import { sendStoredSms } from "./send-sms";

const platform = { accountSid: `AC${"5e".repeat(16)}`, authToken: "6f".repeat(16) };

describe("SMS circuit breaker, half-open", () => {
  const t = useTestDatabase();
  let stub: Awaited<ReturnType<typeof startTwilioStub>>;
  let tenants: ReturnType<typeof createTenantClients>;
  let clinicId: string;
  let clock = Date.now();
  const breaker = new CircuitBreaker({ threshold: 1, cooldownMs: 30_000, now: () => clock });

  beforeAll(async () => {
    stub = await startTwilioStub(platform);
    tenants = createTenantClients(t.url, { max: 2 });
    const clinic = await t.db.clinic.create({
      data: { name: "Breaker Dental", slug: `breaker-${randomBytes(3).toString("hex")}`, timezone: "UTC" },
    });
    clinicId = clinic.id;
    await t.db.phoneNumber.create({ data: { clinicId, e164: "+15550001111", source: "managed", status: "active" } });
  });
  afterAll(async () => {
    await tenants.close();
    await stub.close();
  });

  const queued = async () =>
    (
      await t.db.smsMessage.create({
        data: {
          clinicId,
          direction: "outbound",
          kind: "confirmation",
          toNumber: "+14155550999",
          body: `hello ${randomBytes(4).toString("hex")}`,
          status: "queued",
        },
      })
    ).id;
  const send = (messageId: string) =>
    sendStoredSms({ tenants, breaker, platformTwilio: platform, twilioApiBaseUrl: stub.url }, { clinicId, messageId });

  it("recovers when the trial's status update throws", async () => {
    stub.state.down = true;
    await expect(send(await queued())).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(breaker.state).toBe("open");
    stub.state.down = false;
    clock += 30_000;

    // The trial's "sending" update fails once (a real database error, from a trigger).
    await t.db.$executeRawUnsafe(`CREATE FUNCTION refuse_sending() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'database blip'; END $$`);
    await t.db.$executeRawUnsafe(`CREATE TRIGGER refuse_sending BEFORE UPDATE ON sms_messages
      FOR EACH ROW WHEN (NEW.status = 'sending') EXECUTE FUNCTION refuse_sending()`);
    const trial = await queued();
    await expect(send(trial)).rejects.toThrow(/database blip/);
    await t.db.$executeRawUnsafe("DROP TRIGGER refuse_sending ON sms_messages");

    // The next send is let through as the new trial, closes the breaker, and texts flow again.
    expect(await send(trial)).toBe("sent");
    expect(breaker.state).toBe("closed");
    expect(await send(await queued())).toBe("sent");
  });
});
