// Core use cases on a test database, called the way the voice agent or the worker will call
// them: no router, a tenant client per clinic, an explicit origin. Clinics are made through the
// real sign-up, members through real invitations.
import { randomBytes } from "node:crypto";
import {
  type ClinicOrigin,
  createMailer,
  inviteMember,
  signUp,
  signUpWithInvitation,
  verifyEmail,
} from "@frontdesk/core";
import { createTenantClients, type TenantClients } from "@frontdesk/core/tenancy";
import { afterAll } from "vitest";
import type { TestDatabase } from "./database";

let signUps = 0;

/**
 * Sign-up details for a new clinic and its owner, unique per call, from an address of its own
 * (sign-ups are rate-limited per IP).
 */
export function newClinicSignUp(label: string) {
  const suffix = randomBytes(4).toString("hex");
  return {
    input: {
      name: `${label} Owner`,
      email: `owner-${suffix}@${label.toLowerCase().replace(/\W/g, "")}.test`,
      password: "correct horse battery",
      clinicName: `${label} ${suffix}`,
      timezone: "America/Chicago",
    },
    ip: nextTestIp(),
  };
}

/** A test address no other sign-up in this process used (sign-ups are rate-limited per IP). */
function nextTestIp() {
  signUps += 1;
  return `198.18.${Math.floor(signUps / 250)}.${signUps % 250}`;
}

/** The token of the newest emailed link to `to` with `path` (a test reads its inbox). */
export function emailedToken(
  sentEmails: readonly string[],
  to: string,
  path: "/verify-email?token=" | "/invite/" | "/reset-password?token=",
) {
  const link = new RegExp(`${path.replace("?", "\\?")}([\\w-]+)`);
  for (const email of [...sentEmails].reverse()) {
    const token = email.startsWith(`[email] to ${to}:`) ? email.match(link)?.[1] : undefined;
    if (token) return token;
  }
  throw new Error(`no email to ${to} with a ${path} link`);
}

/** Call inside a describe block; the returned helpers work inside tests and hooks. */
export function useCore(t: TestDatabase) {
  let tenants: TenantClients | undefined;
  const sentEmails: string[] = [];
  const mail = { mailer: createMailer(undefined, (line) => sentEmails.push(line)), appUrl: "http://frontdesk.test" };
  afterAll(async () => {
    await tenants?.close();
  });
  const forTenant = (clinicId: string) => {
    tenants ??= createTenantClients(t.url, { max: 4 });
    return tenants.forTenant(clinicId);
  };

  /** A clinic and its owner (`origin` acts as them), who signed up and confirmed their address. */
  async function newClinic(label = "Clinic") {
    const { input, ip } = newClinicSignUp(label);
    const { userId } = await signUp(t.db, input, mail, { ip });
    const token = emailedToken(sentEmails, input.email, "/verify-email?token=");
    const { clinicId } = await verifyEmail(t.db, { actor: { type: "user", userId }, ip }, { token });
    if (!clinicId) throw new Error("confirming the address created no clinic");
    const origin: ClinicOrigin = { actor: { type: "user", userId }, ip, role: "owner" };
    return { userId, clinicId, email: input.email, db: forTenant(clinicId), origin };
  }

  /** A member of `clinic` with `role`, joined through a real invitation. */
  async function newMember(clinic: Awaited<ReturnType<typeof newClinic>>, role: ClinicOrigin["role"]) {
    const email = `${role}-${randomBytes(4).toString("hex")}@member.test`;
    await inviteMember(clinic.db, clinic.origin, { email, role }, mail);
    const token = emailedToken(sentEmails, email, "/invite/");
    const { userId } = await signUpWithInvitation(
      t.db,
      { token, name: `${role} member`, password: "correct horse battery" },
      { ip: nextTestIp() },
    );
    const origin: ClinicOrigin = { actor: { type: "user", userId }, ip: null, role };
    return { userId, email, origin };
  }

  return { sentEmails, mail, forTenant, newClinic, newMember };
}
