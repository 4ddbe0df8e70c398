// Roles (from the permission matrix), API keys over the real HTTP handler with the typed
// client, and rate limits.
import { limits } from "@frontdesk/core";
import { can, keyCan } from "@frontdesk/core/tenancy";
import { TRPCClientError } from "@trpc/client";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, httpClient, newClinic, newMember, useServices } from "../../../test/api";
import { useTestDatabase } from "../../../test/database";
import { allProcedures, procedureAt } from "../../../test/router";
import type { ProcedureMeta } from "./trpc";

describe("roles follow the permission matrix", () => {
  const t = useTestDatabase();
  const services = useServices(t);
  const guarded = allProcedures().filter(([, p]) => p._def.meta?.permission);

  it("guards at least one procedure with each permission in use", () => {
    expect(guarded.length).toBeGreaterThanOrEqual(12);
  });

  it.each(["owner", "admin", "staff"] as const)(
    "a %s is refused exactly the procedures their role lacks",
    async (role) => {
      const clinic = await newClinic(services(), `Roles ${role}`);
      const caller = role === "owner" ? clinic.owner : (await newMember(services(), clinic, role)).caller;
      for (const [path, procedure] of guarded) {
        const permission = procedure._def.meta?.permission as NonNullable<ProcedureMeta["permission"]>;
        const fn = procedureAt(caller, path);
        // Deliberately empty input: a permitted caller gets past the permission check and fails
        // (if at all) on validation; a refused caller never gets that far.
        const error = await fn({}).then(
          () => null,
          (e: { code?: string }) => e,
        );
        if (can(role, permission)) expect(error?.code, `${role} may ${path}`).not.toBe("FORBIDDEN");
        else expect(error?.code, `${role} may not ${path}`).toBe("FORBIDDEN");
      }
    },
  );

  it("an owner-role API key is refused exactly the procedures not marked for keys", async () => {
    const clinic = await newClinic(services(), "Roles key");
    const { apiKey } = await clinic.owner.apiKeys.create({ name: "integration", role: "owner" });
    const key = callerFor(services(), {
      type: "api_key",
      apiKeyId: apiKey.id,
      clinicId: clinic.clinicId,
      role: "owner",
    });
    for (const [path, procedure] of guarded) {
      const permission = procedure._def.meta?.permission as NonNullable<ProcedureMeta["permission"]>;
      const error = await procedureAt(
        key,
        path,
      )({}).then(
        () => null,
        (e: { code?: string }) => e,
      );
      if (keyCan(permission)) expect(error?.code, `a key may ${path}`).not.toBe("FORBIDDEN");
      else expect(error?.code, `a key may not ${path}`).toBe("FORBIDDEN");
    }
  });
});

describe("developer API keys", () => {
  const t = useTestDatabase();
  const services = useServices(t);

  const clientWith = (apiKey: string, headers: Record<string, string> = {}) => httpClient(services(), apiKey, headers);

  let clinic: Awaited<ReturnType<typeof newClinic>>;
  let key: string;
  beforeAll(async () => {
    clinic = await newClinic(services(), "Keys");
    const created = await clinic.owner.apiKeys.create({ name: "EHR sync", role: "admin" });
    key = created.key;
    expect(created.apiKey.prefix).toBe(key.slice(0, 14));
  });

  it("round-trips through the typed client as the key's clinic and role", async () => {
    const frontdesk = clientWith(key);
    const me = await frontdesk.clinic.get.query();
    expect(me).toMatchObject({ id: clinic.clinicId, myRole: "admin" });
    expect(me.createdAt).toBeInstanceOf(Date); // the wire format keeps dates as dates
  });

  it("stores only a hash, shows the prefix, records use", async () => {
    const stored = await t.db.apiKey.findFirstOrThrow({ where: { clinicId: clinic.clinicId, name: "EHR sync" } });
    expect(stored.keyHash).not.toContain(key.slice(8));
    expect(JSON.stringify(await clinic.owner.apiKeys.list())).not.toContain(key);
    expect(stored.lastUsedAt).not.toBeNull();
    const uses = await t.db.auditLog.count({
      where: { clinicId: clinic.clinicId, action: "apiKey.use", apiKeyId: stored.id },
    });
    expect(uses).toBeGreaterThanOrEqual(1);
  });

  it("is refused for another clinic and for account-level actions", async () => {
    const other = await newClinic(services(), "Other keys");
    await expect(clientWith(key, { "x-frontdesk-clinic": other.clinicId }).clinic.get.query()).rejects.toMatchObject({
      data: { code: "NOT_FOUND", httpStatus: 404 },
    });
    await expect(clientWith(key).account.clinics.query()).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
  });

  it("never manages keys or people, whatever its role, so a leaked key cannot outlive its revocation", async () => {
    const { key: ownerKey } = await clinic.owner.apiKeys.create({ name: "owner-role", role: "owner" });
    const frontdesk = clientWith(ownerKey);
    const refused = {
      data: { code: "FORBIDDEN", httpStatus: 403 },
      message: expect.stringContaining("API keys cannot"),
    };
    await expect(frontdesk.apiKeys.create.mutate({ name: "successor", role: "staff" })).rejects.toMatchObject(refused);
    await expect(frontdesk.apiKeys.list.query()).rejects.toMatchObject(refused);
    await expect(
      frontdesk.team.invite.mutate({ email: "accomplice@example.test", role: "staff" }),
    ).rejects.toMatchObject(refused);
    await expect(frontdesk.team.members.query()).rejects.toMatchObject(refused);
    await expect(frontdesk.credentials.list.query()).rejects.toMatchObject(refused);
    expect(await t.db.apiKey.count({ where: { clinicId: clinic.clinicId, name: "successor" } })).toBe(0);
    expect(await t.db.invitation.count({ where: { email: "accomplice@example.test" } })).toBe(0);
    // What keys are for still works.
    await expect(frontdesk.patients.list.query({})).resolves.toMatchObject({ items: [] });
  });

  it("stops working once revoked, with a message saying so", async () => {
    const { key: doomed, apiKey } = await clinic.owner.apiKeys.create({ name: "temporary", role: "staff" });
    await expect(clientWith(doomed).clinic.get.query()).resolves.toMatchObject({ id: clinic.clinicId });
    await clinic.owner.apiKeys.revoke({ apiKeyId: apiKey.id });
    const error = await clientWith(doomed)
      .clinic.get.query()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(error).toMatchObject({
      message: "this API key was revoked; create a new one",
      data: { code: "UNAUTHORIZED", httpStatus: 401 },
    });
    await expect(clientWith("fd_live_made-up").clinic.get.query()).rejects.toMatchObject({
      data: { httpStatus: 401 },
    });
  });

  it("is rate-limited per key", async () => {
    const { key: busy, apiKey } = await clinic.owner.apiKeys.create({ name: "busy", role: "staff" });
    // Fill the window directly, then one more request is refused with when to retry.
    await t.db.rateLimitBucket.create({
      data: {
        key: `apikey:${apiKey.id}`,
        windowStart: new Date(),
        count: limits.apiKeyPerMinute.limit,
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    await expect(clientWith(busy).clinic.get.query()).rejects.toMatchObject({
      message: expect.stringContaining("too many calls with this API key"),
      data: { code: "TOO_MANY_REQUESTS", httpStatus: 429 },
    });
  });
});

// The rules themselves (locking, single-use links, duplicates) are specified next to core's
// accounts use cases; here, what the procedures answer.
describe("account procedures", () => {
  const t = useTestDatabase();
  const services = useServices(t);

  it("answers a reset request the same way whether or not the account exists", async () => {
    const anonymous = callerFor(services(), null);
    await expect(anonymous.account.requestPasswordReset({ email: "nobody@example.test" })).resolves.toEqual({
      sent: true,
    });
    await expect(anonymous.account.resetPassword({ token: "x".repeat(43), password: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("rejects bad sign-up input with field errors", async () => {
    const anonymous = callerFor(services(), null, null, "192.0.2.200");
    const error = await anonymous.account
      .signUp({ name: "", email: "not-an-email", password: "short", clinicName: "A", timezone: "Mars/Olympus" })
      .catch((e: { code: string; cause: unknown }) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
  });
});
