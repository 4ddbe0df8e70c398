import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { emailedToken, useCore } from "../../../../test/core";
import { useTestDatabase } from "../../../../test/database";
import { acceptInvitation } from "./accept-invitation";
import { changeRole } from "./change-role";
import { describeInvitation } from "./describe-invitation";
import { inviteMember } from "./invite-member";
import { leaveClinic } from "./leave-clinic";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";
import { signUpWithInvitation } from "./sign-up-with-invitation";

describe("team: invitations, roles, the last owner", () => {
  const t = useTestDatabase();
  const core = useCore(t);
  const tokenFor = (email: string) => emailedToken(core.sentEmails, email, "/invite/");

  it("invites by emailed link; the link works once and joins with the invited role", async () => {
    const clinic = await core.newClinic("Invite");
    const sent = await inviteMember(
      clinic.db,
      clinic.origin,
      { email: "Newbie@Example.test", role: "staff" },
      core.mail,
    );
    expect(sent.invitation).toMatchObject({ email: "newbie@example.test", role: "staff" });
    // The link goes to the invited inbox only, never back to whoever invited.
    expect(JSON.stringify(sent)).not.toContain("/invite/");
    const token = tokenFor("newbie@example.test");

    expect(await describeInvitation(t.db, token)).toMatchObject({ email: "newbie@example.test", usable: true });
    const joined = await signUpWithInvitation(
      t.db,
      { token, name: "New Bie", password: "long enough password" },
      { ip: null },
    );
    expect(joined.clinicId).toBe(clinic.clinicId);

    const members = await listMembers(clinic.db);
    expect(members.map((m) => [m.user.email, m.role])).toContainEqual(["newbie@example.test", "staff"]);
    await expect(
      signUpWithInvitation(t.db, { token, name: "Again", password: "long enough password" }, { ip: null }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("already used"),
    });
    expect((await describeInvitation(t.db, token))?.usable).toBe(false);
  });

  it("refuses an expired invitation", async () => {
    const clinic = await core.newClinic("Expiry");
    const { invitation } = await inviteMember(
      clinic.db,
      clinic.origin,
      { email: "late@example.test", role: "admin" },
      core.mail,
    );
    await t.db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(
      signUpWithInvitation(
        t.db,
        { token: tokenFor("late@example.test"), name: "Late", password: "long enough password" },
        { ip: null },
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("expired") });
    expect(await t.db.user.findUnique({ where: { email: "late@example.test" } })).toBeNull();
  });

  it("a suspended or deleted clinic's invitation joins no one", async () => {
    for (const status of ["suspended", "deleted"] as const) {
      const clinic = await core.newClinic(`Closed ${status}`);
      const person = await core.newClinic("Joiner");
      await inviteMember(clinic.db, clinic.origin, { email: person.email, role: "staff" }, core.mail);
      const token = tokenFor(person.email);
      await t.db.clinic.update({ where: { id: clinic.clinicId }, data: { status } });
      expect((await describeInvitation(t.db, token))?.usable).toBe(false);
      await expect(
        acceptInvitation(t.db, { actor: { type: "user", userId: person.userId }, ip: null }, { token }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(await t.db.membership.count({ where: { clinicId: clinic.clinicId, userId: person.userId } })).toBe(0);
    }
  });

  it("only accepts an invitation for the signed-in user's own address", async () => {
    const clinic = await core.newClinic("Address");
    const other = await core.newClinic("Other");
    await inviteMember(clinic.db, clinic.origin, { email: "someone@example.test", role: "staff" }, core.mail);
    await expect(
      acceptInvitation(
        t.db,
        { actor: { type: "user", userId: other.userId }, ip: null },
        { token: tokenFor("someone@example.test") },
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps at least one owner", async () => {
    const clinic = await core.newClinic("Owners");
    const admin = await core.newMember(clinic, "admin");
    const [ownerMembership] = (await listMembers(clinic.db)).filter((m) => m.role === "owner");
    await expect(
      changeRole(clinic.db, clinic.origin, { membershipId: ownerMembership?.id as string, role: "admin" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("at least one owner"),
    });
    await expect(leaveClinic(clinic.db, clinic.origin)).rejects.toMatchObject({ code: "CONFLICT" });
    // An admin cannot touch owners at all.
    await expect(
      removeMember(clinic.db, admin.origin, { membershipId: ownerMembership?.id as string }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // With a second owner, the first may step down.
    const adminMembership = (await listMembers(clinic.db)).find((m) => m.userId === admin.userId);
    await changeRole(clinic.db, clinic.origin, { membershipId: adminMembership?.id as string, role: "owner" });
    await expect(leaveClinic(clinic.db, clinic.origin)).resolves.toBeUndefined();
    expect((await listMembers(clinic.db)).map((m) => m.role)).toEqual(["owner"]);
  });

  it("refuses to let an API key leave a clinic", async () => {
    const clinic = await core.newClinic("Keys leave");
    const apiKey = { type: "api_key", apiKeyId: randomUUID(), clinicId: clinic.clinicId, role: "owner" } as const;
    await expect(leaveClinic(clinic.db, { actor: apiKey, ip: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "an API key cannot leave a clinic; revoke it instead",
    });
  });
});
