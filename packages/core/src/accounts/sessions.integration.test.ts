// Sessions carry the account's session version and their sign-in time; checkSession runs on
// every use of a session (the web app's next-auth jwt callback), so a password reset, a removal
// from a clinic or "sign out everywhere" ends sessions at once, and none outlives 12 hours.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { emailedToken, useCore } from "../../../../test/core";
import { useTestDatabase } from "../../../../test/database";
import { resolveClinicAccess } from "../clinics/resolve-clinic-access";
import { listMembers } from "../team/list-members";
import { removeMember } from "../team/remove-member";
import { authenticateWithPassword } from "./authenticate-with-password";
import { checkSession, SESSION_LIFETIME_MS, sessionClaims } from "./check-session";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { signOutEverywhere } from "./sign-out-everywhere";

describe("sessions", () => {
  const t = useTestDatabase();
  const core = useCore(t);

  const signIn = async (email: string, password = "correct horse battery") => {
    const user = await authenticateWithPassword(t.db, { email, password }, { ip: null });
    if (!user) throw new Error(`${email} could not sign in`);
    return sessionClaims(user);
  };

  it("a password reset ends every session of the account", async () => {
    const clinic = await core.newClinic("Reset sessions");
    const laptop = await signIn(clinic.email);
    const phone = await signIn(clinic.email);
    expect(await checkSession(t.db, laptop)).toBe(true);

    await requestPasswordReset(t.db, { email: clinic.email }, core.mail, { ip: null });
    const token = emailedToken(core.sentEmails, clinic.email, "/reset-password?token=");
    await resetPassword(t.db, { token, password: "a brand new password" }, { ip: null });
    expect(await checkSession(t.db, laptop)).toBe(false);
    expect(await checkSession(t.db, phone)).toBe(false);
    expect(await checkSession(t.db, await signIn(clinic.email, "a brand new password"))).toBe(true);
  });

  it("sign out everywhere ends every session of the account, and only of that account", async () => {
    const clinic = await core.newClinic("Everywhere");
    const other = await core.newClinic("Bystander");
    const sessions = [await signIn(clinic.email), await signIn(clinic.email)];
    const bystander = await signIn(other.email);
    await signOutEverywhere(t.db, { actor: { type: "user", userId: clinic.userId }, ip: null });
    for (const session of sessions) expect(await checkSession(t.db, session)).toBe(false);
    expect(await checkSession(t.db, bystander)).toBe(true);
    expect(await checkSession(t.db, await signIn(clinic.email))).toBe(true);
  });

  it("removal from a clinic ends the removed member's sessions and access", async () => {
    const clinic = await core.newClinic("Removal");
    const member = await core.newMember(clinic, "admin");
    const session = await signIn(member.email);
    const owner = await signIn(clinic.email);
    const membership = (await listMembers(clinic.db)).find((m) => m.userId === member.userId);
    await removeMember(clinic.db, clinic.origin, { membershipId: membership?.id as string });

    expect(await checkSession(t.db, session)).toBe(false);
    expect(await checkSession(t.db, owner)).toBe(true);
    // Signing in again does not bring the clinic back.
    expect(await checkSession(t.db, await signIn(member.email))).toBe(true);
    await expect(
      resolveClinicAccess(t.db, { type: "user", userId: member.userId }, clinic.clinicId),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      removeMember(clinic.db, clinic.origin, { membershipId: membership?.id as string }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a clinic cannot end the sessions of another clinic's member", async () => {
    const clinic = await core.newClinic("Reach");
    const other = await core.newClinic("Out of reach");
    const outsider = await core.newMember(other, "staff");
    const session = await signIn(outsider.email);
    const membership = (await listMembers(other.db)).find((m) => m.userId === outsider.userId);
    // Even raw SQL through clinic A's connection: the function only removes A's members.
    const [row] = await clinic.db.$queryRaw<{ userId: string | null }[]>`
      SELECT remove_clinic_member(${membership?.id as string}::uuid) AS "userId"`;
    expect(row?.userId).toBeNull();
    expect(await checkSession(t.db, session)).toBe(true);
    expect((await listMembers(other.db)).map((m) => m.userId)).toContain(outsider.userId);
  });

  it("a session ends 12 hours after sign-in, however much it is used", async () => {
    const clinic = await core.newClinic("Lifetime");
    const signedInAt = Date.now();
    const session = { ...(await signIn(clinic.email)), signedInAt };
    // Used every hour (as a polled dashboard would), it still ends at 12 hours.
    for (let hour = 0; hour < 12; hour++) {
      expect(await checkSession(t.db, session, signedInAt + hour * 60 * 60_000)).toBe(true);
    }
    expect(await checkSession(t.db, session, signedInAt + SESSION_LIFETIME_MS - 1)).toBe(true);
    expect(await checkSession(t.db, session, signedInAt + SESSION_LIFETIME_MS)).toBe(false);
  });

  it("refuses a session without its claims, with claims from the future, or for no account", async () => {
    const clinic = await core.newClinic("Claims");
    const session = await signIn(clinic.email);
    // A token from before sessions carried a version (or forged without one).
    expect(await checkSession(t.db, { userId: session.userId, signedInAt: session.signedInAt })).toBe(false);
    expect(await checkSession(t.db, { sub: session.userId })).toBe(false);
    expect(await checkSession(t.db, { ...session, signedInAt: Date.now() + 60 * 60_000 })).toBe(false);
    expect(await checkSession(t.db, { ...session, userId: randomUUID() })).toBe(false);
    expect(await checkSession(t.db, { ...session, userId: "not-a-uuid" })).toBe(false);
    expect(await checkSession(t.db, null)).toBe(false);
  });
});
