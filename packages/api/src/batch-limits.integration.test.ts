// What one HTTP request may cost: a batch has at most MAX_BATCH_CALLS calls (refused whole
// before any runs), every call counts against the caller's rate limit, and the anonymous
// procedures that hash a password are limited per address. Over the real handler.
import { limits } from "@frontdesk/core";
import { beforeAll, describe, expect, it } from "vitest";
import { httpClient, newClinic, useServices } from "../../../test/api";
import { useTestDatabase } from "../../../test/database";
import { handleTrpcRequest, MAX_BATCH_CALLS } from "./http";

describe("batches and per-call limits", () => {
  const t = useTestDatabase();
  const services = useServices(t);
  const noSession = async () => null;

  /** A raw batched POST of `inputs.length` calls to `path`, as any HTTP client could send it. */
  const rawBatch = (path: string, inputs: unknown[], headers: Record<string, string> = {}, comma = ",") =>
    handleTrpcRequest(
      new Request(`http://frontdesk.test/api/trpc/${inputs.map(() => path).join(comma)}?batch=1`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, { json: input }]))),
      }),
      services(),
      noSession,
    );

  let clinic: Awaited<ReturnType<typeof newClinic>>;
  beforeAll(async () => {
    clinic = await newClinic(services(), "Batches");
  });

  it.each([",", "%2C"])(
    `refuses a batch of more than ${MAX_BATCH_CALLS} calls (joined by "%s") whole, before any runs`,
    async (comma) => {
      const emails = Array.from({ length: MAX_BATCH_CALLS + 1 }, (_, i) => `batch${i}-${comma.length}@example.test`);
      const inputs = emails.map((email) => ({
        name: "Batch",
        email,
        password: "correct horse battery",
        clinicName: "Batch clinic",
        timezone: "America/Chicago",
      }));
      const response = await rawBatch(
        "account.signUp",
        inputs,
        { "x-forwarded-for": `192.0.2.${comma.length}` },
        comma,
      );
      expect(response.status).toBe(413);
      expect(JSON.stringify(await response.json())).toContain(
        `a request may carry at most ${MAX_BATCH_CALLS} calls, this one has ${MAX_BATCH_CALLS + 1}`,
      );
      expect(await t.db.user.count({ where: { email: { in: emails } } })).toBe(0);
    },
  );

  it("the typed client splits a big batch, so integrators never see the cap", async () => {
    const { key } = await clinic.owner.apiKeys.create({ name: "splitter", role: "staff" });
    const frontdesk = httpClient(services(), key);
    const answers = await Promise.all(Array.from({ length: 45 }, () => frontdesk.clinic.get.query()));
    expect(answers).toHaveLength(45);
  });

  it("counts every call of a batch against the API key's limit, refusing the batch before any call runs", async () => {
    const { key, apiKey } = await clinic.owner.apiKeys.create({ name: "batcher", role: "staff" });
    const room = 10;
    await t.db.rateLimitBucket.create({
      data: {
        key: `apikey:${apiKey.id}`,
        windowStart: new Date(),
        count: limits.apiKeyPerMinute.limit - room,
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    const patients = Array.from({ length: room + 1 }, (_, i) => ({
      firstName: "Batch",
      lastName: `Patient ${i}`,
      phone: `+1312555${String(i).padStart(4, "0")}`,
    }));
    const response = await rawBatch("patients.create", patients, { authorization: `Bearer ${key}` });
    expect(response.status).toBe(429);
    expect(JSON.stringify(await response.json())).toContain("too many calls with this API key");
    expect(await t.db.patient.count({ where: { clinicId: clinic.clinicId, firstName: "Batch" } })).toBe(0);
  });

  it("counts anonymous calls per address", async () => {
    const ip = "192.0.2.77";
    const anonymous = httpClient(services(), undefined, { "x-forwarded-for": ip });
    await expect(anonymous.system.health.query()).resolves.toBeTruthy();
    await t.db.rateLimitBucket.update({
      where: { key: `calls:ip:${ip}` },
      data: { count: limits.anonymousCallsPerIpPerMinute.limit },
    });
    await expect(anonymous.system.health.query()).rejects.toMatchObject({ data: { code: "TOO_MANY_REQUESTS" } });
  });

  it.each([
    ["account.resetPassword", { token: "x".repeat(43), password: "a long enough password" }],
    ["account.signUpWithInvitation", { token: "x".repeat(43), name: "Guess", password: "a long enough password" }],
  ] as const)("limits %s (it hashes a password) per address, across requests", async (path, input) => {
    const ip = `198.51.100.${path.length}`;
    const attempts = limits.passwordHashPerIp.limit + 5;
    const procedure = path.split(".")[1] as "resetPassword" | "signUpWithInvitation";
    const client = httpClient(services(), undefined, { "x-forwarded-for": ip });
    const codes = await Promise.all(
      Array.from({ length: attempts }, () =>
        (client.account[procedure].mutate as (i: unknown) => Promise<unknown>)(input).then(
          () => "ok",
          (e: { data?: { code: string } }) => e.data?.code,
        ),
      ),
    );
    expect(codes.filter((c) => c === "BAD_REQUEST")).toHaveLength(limits.passwordHashPerIp.limit);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(5);
  });

  it("swallows reset emails past the per-address limit, answering the same", async () => {
    const ip = "192.0.2.150";
    await t.db.rateLimitBucket.create({
      data: {
        key: `reset:ip:${ip}`,
        windowStart: new Date(),
        count: limits.passwordResetRequestPerIp.limit,
        expiresAt: new Date(Date.now() + 60 * 60_000),
      },
    });
    const before = services().sentEmails.length;
    const anonymous = httpClient(services(), undefined, { "x-forwarded-for": ip });
    await expect(anonymous.account.requestPasswordReset.mutate({ email: clinic.email })).resolves.toEqual({
      sent: true,
    });
    expect(
      services()
        .sentEmails.slice(before)
        .filter((m) => m.includes("reset-password")),
    ).toEqual([]);
  });

  it("lets one person create only a few clinics a day", async () => {
    const person = await newClinic(services(), "Prolific");
    for (let i = 0; i < limits.clinicsCreatedPerUser.limit; i++)
      await person.owner.account.createClinic({ name: `Branch ${i}`, timezone: "UTC" });
    await expect(person.owner.account.createClinic({ name: "One too many", timezone: "UTC" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringContaining("too many new clinics today"),
    });
  });
});
