import { describe, expect, it } from "vitest";
import { callerFor, newClinic, newMember, useServices } from "../../../../test/api";
import { useTestDatabase } from "../../../../test/database";

describe("team: invitations, roles, the last owner", () => {
  const t = useTestDatabase();
  const services = useServices(t);

  it("invites by emailed link; the link works once and joins with the invited role", async () => {
    const clinic = await newClinic(services(), "Invite");
    const { link, invitation } = await clinic.owner.team.invite({ email: "Newbie@Example.test", role: "staff" });
    expect(invitation).toMatchObject({ email: "newbie@example.test", role: "staff" });
    expect(services().sentEmails.some((m) => m.includes("to newbie@example.test") && m.includes(link))).toBe(true);
    const token = link.split("/invite/")[1] as string;

    const anonymous = callerFor(services(), null);
    expect(await anonymous.account.invitation({ token })).toMatchObject({ email: "newbie@example.test", usable: true });
    const joined = await anonymous.account.signUpWithInvitation({
      token,
      name: "New Bie",
      password: "long enough password",
    });
    expect(joined.orgId).toBe(clinic.orgId);

    const members = await clinic.owner.team.members();
    expect(members.map((m) => [m.user.email, m.role])).toContainEqual(["newbie@example.test", "staff"]);
    await expect(
      anonymous.account.signUpWithInvitation({ token, name: "Again", password: "long enough password" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("already used"),
    });
    expect((await anonymous.account.invitation({ token }))?.usable).toBe(false);
  });

  it("refuses an expired invitation", async () => {
    const clinic = await newClinic(services(), "Expiry");
    const { link, invitation } = await clinic.owner.team.invite({ email: "late@example.test", role: "admin" });
    await t.db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const token = link.split("/invite/")[1] as string;
    await expect(
      callerFor(services(), null).account.signUpWithInvitation({
        token,
        name: "Late",
        password: "long enough password",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("expired") });
    expect(await t.db.user.findUnique({ where: { email: "late@example.test" } })).toBeNull();
  });

  it("only accepts an invitation for the signed-in user's own address", async () => {
    const clinic = await newClinic(services(), "Address");
    const other = await newClinic(services(), "Other");
    const { link } = await clinic.owner.team.invite({ email: "someone@example.test", role: "staff" });
    const token = link.split("/invite/")[1] as string;
    await expect(other.owner.account.acceptInvitation({ token })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps at least one owner", async () => {
    const clinic = await newClinic(services(), "Owners");
    const admin = await newMember(services(), clinic, "admin");
    const [ownerMembership] = (await clinic.owner.team.members()).filter((m) => m.role === "owner");
    await expect(
      clinic.owner.team.changeRole({ membershipId: ownerMembership?.id as string, role: "admin" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("at least one owner"),
    });
    await expect(clinic.owner.clinic.leave()).rejects.toMatchObject({ code: "CONFLICT" });
    // An admin cannot touch owners at all.
    await expect(admin.caller.team.removeMember({ membershipId: ownerMembership?.id as string })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
    // With a second owner, the first may step down.
    const adminMembership = (await clinic.owner.team.members()).find((m) => m.userId === admin.userId);
    await clinic.owner.team.changeRole({ membershipId: adminMembership?.id as string, role: "owner" });
    await expect(clinic.owner.clinic.leave()).resolves.toEqual({ ok: true });
    expect((await admin.caller.team.members()).map((m) => m.role)).toEqual(["owner"]);
  });
});
