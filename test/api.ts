// Calling the real appRouter as real actors, on a test database: services wired the way the
// web app wires them (root client, tenant clients, nodemailer's JSON transport whose log we
// keep), and clinics created through the real sign-up.
import { randomBytes } from "node:crypto";
import { appRouter, type Context, createCallerFactory, handleTrpcRequest, type Services } from "@frontdesk/api";
import { createFrontdeskClient } from "@frontdesk/api/client";
import { createMailer, hit, signUp, verifyEmail } from "@frontdesk/core";
import { createKeyring } from "@frontdesk/core/crypto";
import { createTenantClients } from "@frontdesk/core/tenancy";
import { afterAll } from "vitest";
import { emailedToken, newClinicSignUp } from "./core";
import type { TestDatabase } from "./database";

const createCaller = createCallerFactory(appRouter);

export type TestServices = Services & { sentEmails: string[] };

/** Services for a test file's database; call inside a test or hook (after the db exists). */
export function useServices(t: TestDatabase) {
  let services: TestServices | undefined;
  afterAll(async () => {
    await services?.tenants.close();
  });
  return () => {
    if (!services) {
      const sentEmails: string[] = [];
      services = {
        rootDb: t.db,
        tenants: createTenantClients(t.url, { max: 4 }),
        mailer: createMailer(undefined, (line) => sentEmails.push(line)),
        appUrl: "http://frontdesk.test",
        trustedProxyHops: 1,
        keyring: createKeyring("k1", "7e".repeat(32)),
        // No Vapi or Twilio unless a test points these at its stubs.
        telephony: { appUrl: "http://frontdesk.test", hit: (key, limit) => hit(t.db, key, limit) },
        sentEmails,
      };
    }
    return services;
  };
}

export const callerFor = (
  services: Services,
  actor: Context["actor"],
  requestedClinicId: string | null = null,
  ip = "198.51.100.7",
) => createCaller({ ...services, actor, requestedClinicId, ip });

/** A clinic with its owner, made through the real sign-up and address confirmation. */
export async function newClinic(services: TestServices, label = "Clinic") {
  const { input, ip } = newClinicSignUp(label);
  const { userId } = await signUp(services.rootDb, input, services, { ip });
  const token = emailedToken(services.sentEmails, input.email, "/verify-email?token=");
  const { clinicId } = await verifyEmail(services.rootDb, { actor: { type: "user", userId }, ip }, { token });
  if (!clinicId) throw new Error("confirming the address created no clinic");
  const owner = callerFor(services, { type: "user", userId }, clinicId);
  return { userId, clinicId, email: input.email, owner };
}

/** A user who is a member of `clinicId` with `role` (joined through a real invitation). */
export async function newMember(
  services: TestServices,
  clinic: Awaited<ReturnType<typeof newClinic>>,
  role: "owner" | "admin" | "staff",
) {
  const email = `${role}-${randomBytes(4).toString("hex")}@member.test`;
  await clinic.owner.team.invite({ email, role });
  const token = emailedToken(services.sentEmails, email, "/invite/");
  const anonymous = callerFor(services, null);
  const { userId } = await anonymous.account.signUpWithInvitation({
    token,
    name: `${role} member`,
    password: "correct horse battery",
  });
  return { userId, email, caller: callerFor(services, { type: "user", userId }, clinic.clinicId) };
}

/**
 * The typed client over the real fetch handler the web app mounts at /api/trpc, with an API
 * key (or none) and extra headers (a clinic, X-Forwarded-For).
 */
export const httpClient = (services: Services, apiKey?: string, headers: Record<string, string> = {}) =>
  createFrontdeskClient({
    url: "http://frontdesk.test",
    apiKey,
    fetch: async (input, init) => {
      const request = new Request(input as string, init as RequestInit);
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
      return handleTrpcRequest(request, services, async () => null);
    },
  });
