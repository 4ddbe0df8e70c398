// The pre-registration attack through the router, as a browser or script would run it: sign up
// with someone else's address, then try to own or join a clinic before confirming it.
import { describe, expect, it } from "vitest";
import { callerFor, newClinic, useServices } from "../../../../test/api";
import { emailedToken, newClinicSignUp } from "../../../../test/core";
import { useTestDatabase } from "../../../../test/database";

describe("account: sign-up confirms the address before anything is owned or joined", () => {
  const t = useTestDatabase();
  const services = useServices(t);

  it("an address nobody confirmed gets no clinic, cannot create or join one, and cannot act in one", async () => {
    const { input, ip } = newClinicSignUp("Squatter");
    const anonymous = callerFor(services(), null, null, ip);
    const { userId } = await anonymous.account.signUp(input);
    const squatter = callerFor(services(), { type: "user", userId });

    expect(await squatter.account.me()).toMatchObject({ email: input.email, emailVerified: false });
    expect(await squatter.account.clinics()).toEqual([]);
    await expect(squatter.clinic.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(squatter.account.createClinic({ name: "Mine now", timezone: "UTC" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("confirm your email address first"),
    });

    // A real clinic invites the address; the invitation's link is never shown to the inviter.
    const clinic = await newClinic(services(), "Real");
    const sent = await clinic.owner.team.invite({ email: input.email, role: "admin" });
    expect(JSON.stringify(sent)).not.toContain("/invite/");
    const token = emailedToken(services().sentEmails, input.email, "/invite/");
    await expect(squatter.account.acceptInvitation({ token })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await squatter.account.clinics()).toEqual([]);
    expect(await anonymous.account.invitation({ token })).toMatchObject({ usable: true });
  });

  it("confirming takes the emailed link and the account's own session; then the clinic exists", async () => {
    const { input, ip } = newClinicSignUp("Confirm");
    const anonymous = callerFor(services(), null, null, ip);
    const { userId } = await anonymous.account.signUp(input);
    const token = emailedToken(services().sentEmails, input.email, "/verify-email?token=");
    // A mail scanner opening the link has no session.
    await expect(anonymous.account.verifyEmail({ token })).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const owner = callerFor(services(), { type: "user", userId });
    await expect(owner.account.verifyEmail({ token: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.account.resendVerification()).resolves.toEqual({ sent: true });
    const { clinicId } = await owner.account.verifyEmail({ token });
    expect(await owner.account.clinics()).toEqual([
      expect.objectContaining({ id: clinicId, name: input.clinicName, timezone: input.timezone, role: "owner" }),
    ]);
    expect(await owner.account.me()).toMatchObject({ emailVerified: true });
    await expect(owner.account.resendVerification()).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // The newer link (resent above) no longer creates a second clinic.
    const newer = emailedToken(services().sentEmails, input.email, "/verify-email?token=");
    await expect(owner.account.verifyEmail({ token: newer })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await owner.account.clinics()).toHaveLength(1);
  });

  it("sign out everywhere is for a signed-in person only", async () => {
    const clinic = await newClinic(services(), "Everywhere");
    await expect(callerFor(services(), null).account.signOutEverywhere()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(clinic.owner.account.signOutEverywhere()).resolves.toEqual({ ok: true });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: clinic.userId } })).toMatchObject({ sessionVersion: 1 });
  });
});
