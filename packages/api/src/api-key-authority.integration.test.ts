// An API key never has more authority than the person who made it, nor outlives it: demoting
// or removing its creator revokes or caps it, it can expire, and a suspended or deleted clinic
// answers no key and no session. Over the real HTTP handler with the typed client.
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, httpClient, newClinic, newMember, useServices } from "../../../test/api";
import { emailedToken } from "../../../test/core";
import { useTestDatabase } from "../../../test/database";

describe("API keys and invitations follow their creator and their clinic", () => {
  const t = useTestDatabase();
  const services = useServices(t);
  const revoked = { message: "this API key was revoked; create a new one", data: { code: "UNAUTHORIZED" } };

  let clinic: Awaited<ReturnType<typeof newClinic>>;
  beforeAll(async () => {
    clinic = await newClinic(services(), "Authority");
  });

  /** An admin member and a working key they created. */
  async function adminWithKey(role: "admin" | "staff" = "admin") {
    const admin = await newMember(services(), clinic, "admin");
    const { key, apiKey } = await admin.caller.apiKeys.create({ name: `made by ${admin.email}`, role });
    await expect(httpClient(services(), key).clinic.get.query()).resolves.toMatchObject({ myRole: role });
    const membership = (await clinic.owner.team.members()).find((m) => m.userId === admin.userId);
    return { admin, key, apiKey, membershipId: membership?.id as string };
  }

  it("revokes a creator's keys, in the same transaction, when they are demoted below who may create keys", async () => {
    const { key, apiKey, membershipId } = await adminWithKey();
    await clinic.owner.team.changeRole({ membershipId, role: "staff" });
    await expect(httpClient(services(), key).clinic.get.query()).rejects.toMatchObject(revoked);
    const audit = await t.db.auditLog.findFirst({ where: { action: "apiKey.revoke", targetId: apiKey.id } });
    expect(audit?.metadata).toEqual({ reason: "creator is now staff" });
  });

  it("caps a demoted owner's keys at their new role", async () => {
    const second = await newMember(services(), clinic, "owner");
    const { key } = await second.caller.apiKeys.create({ name: "owner's", role: "owner" });
    const membership = (await clinic.owner.team.members()).find((m) => m.userId === second.userId);
    await clinic.owner.team.changeRole({ membershipId: membership?.id as string, role: "admin" });
    await expect(httpClient(services(), key).clinic.get.query()).resolves.toMatchObject({ myRole: "admin" });
  });

  it("revokes a creator's keys when they are removed or leave", async () => {
    const removed = await adminWithKey("staff");
    await clinic.owner.team.removeMember({ membershipId: removed.membershipId });
    await expect(httpClient(services(), removed.key).clinic.get.query()).rejects.toMatchObject(revoked);

    const leaving = await adminWithKey("staff");
    await leaving.admin.caller.clinic.leave();
    await expect(httpClient(services(), leaving.key).clinic.get.query()).rejects.toMatchObject(revoked);
  });

  it("refuses an expired key, and an expiry in the past at creation", async () => {
    const soon = new Date(Date.now() + 60 * 60_000);
    const { key, apiKey } = await clinic.owner.apiKeys.create({ name: "short-lived", role: "staff", expiresAt: soon });
    expect(apiKey.expiresAt).toEqual(soon);
    await expect(httpClient(services(), key).clinic.get.query()).resolves.toMatchObject({ id: clinic.clinicId });
    await t.db.apiKey.update({ where: { id: apiKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(httpClient(services(), key).clinic.get.query()).rejects.toMatchObject({
      message: "this API key has expired; create a new one",
      data: { code: "UNAUTHORIZED", httpStatus: 401 },
    });
    await expect(
      clinic.owner.apiKeys.create({ name: "already over", role: "staff", expiresAt: new Date(Date.now() - 1000) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers no key and no member's session of a suspended or deleted clinic", async () => {
    const closing = await newClinic(services(), "Closing");
    const { key } = await closing.owner.apiKeys.create({ name: "sync", role: "staff" });
    await expect(httpClient(services(), key).clinic.get.query()).resolves.toMatchObject({ id: closing.clinicId });

    await t.db.clinic.update({ where: { id: closing.clinicId }, data: { status: "suspended" } });
    await expect(httpClient(services(), key).patients.list.query({})).rejects.toMatchObject({
      message: expect.stringContaining("suspended"),
      data: { code: "FORBIDDEN", httpStatus: 403 },
    });
    await expect(closing.owner.patients.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });

    await t.db.clinic.update({ where: { id: closing.clinicId }, data: { status: "deleted" } });
    await expect(httpClient(services(), key).patients.list.query({})).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });
    const owner = callerFor(services(), { type: "user", userId: closing.userId }, closing.clinicId);
    await expect(owner.patients.list({})).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("revokes the pending invitations a demoted or departing member could no longer send", async () => {
    const anonymous = callerFor(services(), null);
    const invite = async (caller: typeof clinic.owner, role: "owner" | "staff") => {
      const email = `invitee-${role}-${Math.random().toString(36).slice(2)}@example.test`;
      await caller.team.invite({ email, role });
      return emailedToken(services().sentEmails, email, "/invite/");
    };
    const join = (token: string) =>
      anonymous.account.signUpWithInvitation({ token, name: "Invitee", password: "correct horse battery" }).then(
        () => "joined",
        (e: { code: string }) => e.code,
      );

    const { admin, membershipId } = await adminWithKey();
    const fromAdmin = await invite(admin.caller, "staff");
    await clinic.owner.team.changeRole({ membershipId, role: "staff" });
    expect(await join(fromAdmin)).toBe("BAD_REQUEST");

    const second = await newMember(services(), clinic, "owner");
    const ownerInvite = await invite(second.caller, "owner");
    const staffInvite = await invite(second.caller, "staff");
    const membership = (await clinic.owner.team.members()).find((m) => m.userId === second.userId);
    await clinic.owner.team.changeRole({ membershipId: membership?.id as string, role: "admin" });
    expect(await join(ownerInvite)).toBe("BAD_REQUEST");
    expect(await join(staffInvite)).toBe("joined");
  });

  it("lets nobody join a suspended clinic through an invitation", async () => {
    const closing = await newClinic(services(), "Closing invites");
    const email = "late-joiner@example.test";
    await closing.owner.team.invite({ email, role: "staff" });
    const token = emailedToken(services().sentEmails, email, "/invite/");
    await t.db.clinic.update({ where: { id: closing.clinicId }, data: { status: "suspended" } });
    const anonymous = callerFor(services(), null);
    await expect(anonymous.account.invitation({ token })).resolves.toMatchObject({ usable: false });
    await expect(
      anonymous.account.signUpWithInvitation({ token, name: "Late", password: "correct horse battery" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await t.db.membership.count({ where: { clinicId: closing.clinicId } })).toBe(1);
  });
});
