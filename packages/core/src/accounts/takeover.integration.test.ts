// Pre-registration takeover: an attacker signs up first with a doctor's address. Until the
// address is confirmed the account owns and joins nothing, and whoever later proves the address
// (Google, an invitation link, a reset link) takes the account over: the attacker's password and
// sessions stop working, and the clinic their sign-up asked for is never created.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { emailedToken, newClinicSignUp, useCore } from "../../../../test/core";
import { useTestDatabase } from "../../../../test/database";
import type { Origin, UserActor } from "../audit";
import { createClinic } from "../clinics/create-clinic";
import { listMyClinics } from "../clinics/list-my-clinics";
import { resolveClinicAccess } from "../clinics/resolve-clinic-access";
import { acceptInvitation } from "../team/accept-invitation";
import { describeInvitation } from "../team/describe-invitation";
import { inviteMember } from "../team/invite-member";
import { signUpWithInvitation } from "../team/sign-up-with-invitation";
import { authenticateWithPassword } from "./authenticate-with-password";
import { checkSession, sessionClaims } from "./check-session";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { signInWithGoogle } from "./sign-in-with-google";
import { signUp } from "./sign-up";
import { verifyEmail } from "./verify-email";

describe("pre-registration takeover", () => {
  const t = useTestDatabase();
  const core = useCore(t);
  const ATTACKER_PASSWORD = "the attacker chose this";

  /** The attacker signs up first with `email`, and is signed in (their session's claims). */
  async function preRegister(email = `doctor-${randomBytes(4).toString("hex")}@clinic.test`) {
    const { ip } = newClinicSignUp("Attacker");
    const clinicName = `Attacker Clinic ${randomBytes(4).toString("hex")}`;
    const input = { name: "Not the doctor", email, password: ATTACKER_PASSWORD, clinicName, timezone: "UTC" };
    const { userId } = await signUp(t.db, input, core.mail, { ip });
    const session = await authenticateWithPassword(t.db, { email, password: ATTACKER_PASSWORD }, { ip });
    if (!session) throw new Error("the attacker could not sign in");
    const origin: Origin<UserActor> = { actor: { type: "user", userId }, ip };
    return { userId, email, clinicName, origin, claims: sessionClaims(session) };
  }

  const clinicsNamed = (name: string) => t.db.clinic.count({ where: { name } });
  const passwordWorks = (email: string, password: string) =>
    authenticateWithPassword(t.db, { email, password }, { ip: null }).then(Boolean);

  it("an unconfirmed account can sign in but owns and joins nothing", async () => {
    const attacker = await preRegister();
    expect(await checkSession(t.db, attacker.claims)).toBe(true);
    expect(await listMyClinics(t.db, attacker.userId)).toEqual([]);
    expect(await clinicsNamed(attacker.clinicName)).toBe(0);
    await expect(createClinic(t.db, attacker.origin, { name: "Another", timezone: "UTC" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("confirm your email address first"),
    });

    // The doctor's real clinic invites the doctor's address: the attacker, signed in with it,
    // cannot accept (and the invitation stays usable for the doctor).
    const clinic = await core.newClinic("Real practice");
    await inviteMember(clinic.db, clinic.origin, { email: attacker.email, role: "admin" }, core.mail);
    const token = emailedToken(core.sentEmails, attacker.email, "/invite/");
    await expect(acceptInvitation(t.db, attacker.origin, { token })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await describeInvitation(t.db, token)).toMatchObject({ usable: true });
    await expect(resolveClinicAccess(t.db, attacker.origin.actor, clinic.clinicId)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await listMyClinics(t.db, attacker.userId)).toEqual([]);
  });

  it("the confirmation link works once, and only signed in to the account it was sent for", async () => {
    const attacker = await preRegister();
    const token = emailedToken(core.sentEmails, attacker.email, "/verify-email?token=");
    // The inbox's owner signed in to some other account (or a mail scanner with no session
    // at all, which the router refuses) cannot confirm the attacker's sign-up.
    const someoneElse = await core.newClinic("Inbox owner");
    const inboxOwner: Origin<UserActor> = { actor: { type: "user", userId: someoneElse.userId }, ip: null };
    await expect(verifyEmail(t.db, inboxOwner, { token })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(verifyEmail(t.db, attacker.origin, { token: "x".repeat(43) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await clinicsNamed(attacker.clinicName)).toBe(0);

    // Both together (the person who chose the password reads the inbox): confirmed, and the
    // sign-up's clinic is created with them as owner. The link then stops working.
    const { clinicId } = await verifyEmail(t.db, attacker.origin, { token });
    expect(await listMyClinics(t.db, attacker.userId)).toEqual([
      expect.objectContaining({ id: clinicId, name: attacker.clinicName, role: "owner" }),
    ]);
    await expect(verifyEmail(t.db, attacker.origin, { token })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await clinicsNamed(attacker.clinicName)).toBe(1);
  });

  it("the doctor's Google sign-in takes the account over: the attacker's password and session stop working", async () => {
    const attacker = await preRegister();
    const verificationToken = emailedToken(core.sentEmails, attacker.email, "/verify-email?token=");
    const google = {
      providerAccountId: `google-${randomBytes(4).toString("hex")}`,
      email: attacker.email.toUpperCase(),
      emailVerified: true,
      name: "Dr. Real",
    };
    // Google must have verified the address.
    expect(await signInWithGoogle(t.db, { ...google, emailVerified: false })).toBeNull();
    expect(await passwordWorks(attacker.email, ATTACKER_PASSWORD)).toBe(true);

    const doctor = await signInWithGoogle(t.db, google);
    expect(doctor).toMatchObject({ id: attacker.userId, email: attacker.email });
    expect(await passwordWorks(attacker.email, ATTACKER_PASSWORD)).toBe(false);
    expect(await checkSession(t.db, attacker.claims)).toBe(false);
    expect(await checkSession(t.db, sessionClaims(doctor as NonNullable<typeof doctor>))).toBe(true);
    // The attacker's sign-up never becomes a clinic, even through its emailed link.
    await expect(verifyEmail(t.db, attacker.origin, { token: verificationToken })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await clinicsNamed(attacker.clinicName)).toBe(0);
    expect(await listMyClinics(t.db, attacker.userId)).toEqual([]);

    // The doctor, confirmed by Google, joins the clinic that invited them.
    const clinic = await core.newClinic("Doctor's practice");
    await inviteMember(clinic.db, clinic.origin, { email: attacker.email, role: "staff" }, core.mail);
    const doctorOrigin: Origin<UserActor> = { actor: { type: "user", userId: attacker.userId }, ip: null };
    const token = emailedToken(core.sentEmails, attacker.email, "/invite/");
    await expect(acceptInvitation(t.db, doctorOrigin, { token })).resolves.toMatchObject({ clinicId: clinic.clinicId });

    // Signing in with Google again is the same account, same session version.
    expect(await signInWithGoogle(t.db, google)).toEqual(doctor);
  });

  it("Google sign-in onto a confirmed password account links it and changes nothing else", async () => {
    const clinic = await core.newClinic("Linked");
    const owner = await t.db.user.findUniqueOrThrow({ where: { id: clinic.userId } });
    const claims = sessionClaims(owner);
    const google = { providerAccountId: `google-${randomBytes(4).toString("hex")}`, email: clinic.email };
    expect(await signInWithGoogle(t.db, { ...google, emailVerified: true, name: null })).toMatchObject({
      id: clinic.userId,
    });
    expect(await passwordWorks(clinic.email, "correct horse battery")).toBe(true);
    expect(await checkSession(t.db, claims)).toBe(true);
  });

  it("an invitation link takes over an unconfirmed account with the invited address", async () => {
    const attacker = await preRegister();
    const clinic = await core.newClinic("Inviting");
    await inviteMember(clinic.db, clinic.origin, { email: attacker.email, role: "staff" }, core.mail);
    const token = emailedToken(core.sentEmails, attacker.email, "/invite/");
    const joined = await signUpWithInvitation(
      t.db,
      { token, name: "Dr. Real", password: "the doctor's own password" },
      { ip: null },
    );
    expect(joined).toEqual({ clinicId: clinic.clinicId, userId: attacker.userId });
    expect(await passwordWorks(attacker.email, ATTACKER_PASSWORD)).toBe(false);
    expect(await passwordWorks(attacker.email, "the doctor's own password")).toBe(true);
    expect(await checkSession(t.db, attacker.claims)).toBe(false);
    expect(await t.db.user.findUniqueOrThrow({ where: { id: attacker.userId } })).toMatchObject({
      name: "Dr. Real",
      emailVerifiedAt: expect.any(Date),
    });

    // A confirmed account is not taken over: its owner signs in to accept.
    const other = await core.newClinic("Second inviter");
    await inviteMember(other.db, other.origin, { email: attacker.email, role: "admin" }, core.mail);
    await expect(
      signUpWithInvitation(
        t.db,
        { token: emailedToken(core.sentEmails, attacker.email, "/invite/"), name: "X", password: "another password!" },
        { ip: null },
      ),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("sign in to accept") });
  });

  it("a password reset confirms the address and ends what the unconfirmed account had", async () => {
    const attacker = await preRegister();
    const verificationToken = emailedToken(core.sentEmails, attacker.email, "/verify-email?token=");
    await requestPasswordReset(t.db, { email: attacker.email }, core.mail, { ip: null });
    const token = emailedToken(core.sentEmails, attacker.email, "/reset-password?token=");
    await resetPassword(t.db, { token, password: "the doctor's new password" }, { ip: null });
    expect(await passwordWorks(attacker.email, ATTACKER_PASSWORD)).toBe(false);
    expect(await checkSession(t.db, attacker.claims)).toBe(false);
    await expect(verifyEmail(t.db, attacker.origin, { token: verificationToken })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await clinicsNamed(attacker.clinicName)).toBe(0);
    // Confirmed now: the doctor may create a clinic.
    await expect(createClinic(t.db, attacker.origin, { name: "Doctor's own", timezone: "UTC" })).resolves.toMatchObject(
      { name: "Doctor's own" },
    );
  });
});
