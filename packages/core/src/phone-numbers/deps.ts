// What the phone-number use cases need from their host (web app, worker, a test): the platform's
// Vapi client and Twilio master account, the key that decrypts clinics' Twilio credentials, and
// where Vapi and Twilio should call us back.
import { readTwilioCredentials } from "../credentials";
import type { Keyring } from "../crypto";
import { AppError } from "../errors";
import type { HitResult, Limit } from "../rate-limit";
import { createTwilioClient, type TwilioCredentials } from "../sms/twilio";
import type { TenantClients, TenantDb } from "../tenancy";
import { isTransientVapiError, type VapiClient, vapiStatus } from "../vapi";

export type TelephonyDeps = {
  tenants: TenantClients;
  vapi?: VapiClient;
  keyring: Keyring;
  /** The platform's Twilio master account (managed numbers are searched and subaccounts made there). */
  platformTwilio?: TwilioCredentials;
  twilioApiBaseUrl?: string;
  /** The web app's public URL (APP_URL): Vapi's webhook and Twilio's SMS callbacks live under it. */
  appUrl: string;
  /** VAPI_WEBHOOK_SECRET, sent back by Vapi as X-Vapi-Secret. */
  vapiWebhookSecret?: string;
  /** How long a Vapi request may take (tests shorten it to see a timeout quickly). */
  vapiTimeoutSeconds?: number;
  /** Counts a hit on a platform rate limit (its buckets are platform data the tenant client cannot reach). */
  hit: (key: string, limit: Limit) => Promise<HitResult>;
};

export const callbackUrls = (appUrl: string) => ({
  vapiWebhook: new URL("/api/vapi/webhook", appUrl).toString(),
  smsInbound: new URL("/api/twilio/sms/inbound", appUrl).toString(),
  smsStatus: new URL("/api/twilio/sms/status", appUrl).toString(),
});

/** The label of the credential holding a clinic's Frontdesk-made Twilio subaccount. */
export const MANAGED_CREDENTIAL_LABEL = "Frontdesk-managed numbers";

export function requireVapi(deps: Pick<TelephonyDeps, "vapi">) {
  if (!deps.vapi) throw new AppError("UNAVAILABLE", "Vapi is not configured on this server (VAPI_PRIVATE_KEY)");
  return deps.vapi;
}

export function platformTwilioClient(deps: Pick<TelephonyDeps, "platformTwilio" | "twilioApiBaseUrl">) {
  if (!deps.platformTwilio) {
    throw new AppError(
      "UNAVAILABLE",
      "buying numbers is not set up on this server (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN); connect your own Twilio number instead",
    );
  }
  return createTwilioClient(deps.platformTwilio, deps.twilioApiBaseUrl);
}

/** A Twilio client for one of the clinic's stored credentials (its own account or its subaccount). */
export async function clinicTwilioClient(
  db: TenantDb,
  deps: Pick<TelephonyDeps, "keyring" | "twilioApiBaseUrl">,
  credentialId: string,
) {
  const credential = await db.credential.findFirst({
    where: { id: credentialId, kind: "twilio" },
    select: { ciphertext: true },
  });
  if (!credential) throw new AppError("NOT_FOUND", "those Twilio credentials are gone; add them again under Twilio");
  const secret = readTwilioCredentials(deps.keyring, credential.ciphertext, db.clinicId);
  return createTwilioClient(secret, deps.twilioApiBaseUrl);
}

/**
 * A failure from Twilio or Vapi as a sentence safe to store and show: which service, and what it
 * said, never the request (which carries credentials). Outages stay retryable (UNAVAILABLE).
 */
export function explainProviderError(
  service: "Twilio" | "Vapi",
  error: unknown,
  /** What to do when Twilio refuses the credentials (the clinic's own, by default). */
  refusedCredentials = "Twilio refused the credentials; check them under Settings → Twilio",
): AppError {
  if (error instanceof AppError) return error;
  if (service === "Vapi") {
    const status = vapiStatus(error);
    if (isTransientVapiError(error)) {
      return new AppError(
        "UNAVAILABLE",
        status ? `Vapi is unavailable (HTTP ${status}); retrying` : "Vapi did not answer in time; retrying",
      );
    }
    return new AppError("BAD_REQUEST", `Vapi refused the request (HTTP ${status ?? "?"})`);
  }
  const twilioError = error as { status?: number; code?: number; message?: string };
  const status = twilioError?.status;
  if (status === undefined || status === 429 || status >= 500) {
    return new AppError(
      "UNAVAILABLE",
      status ? `Twilio is unavailable (HTTP ${status}); retrying` : "Twilio did not answer; retrying",
    );
  }
  if (status === 401 || status === 403) {
    return new AppError("BAD_REQUEST", refusedCredentials);
  }
  const what = typeof twilioError.code === "number" ? ` (Twilio error ${twilioError.code})` : "";
  return new AppError(
    "BAD_REQUEST",
    `Twilio refused the request${what}: ${String(twilioError.message ?? "").slice(0, 200)}`,
  );
}
