// What Twilio's two webhooks (inbound texts, delivery status) share: each is verified with
// X-Twilio-Signature against the auth token of the account that owns the number; an unsigned
// or forged request is refused and changes nothing.
import { readTwilioCredentials } from "../credentials";
import type { Keyring } from "../crypto";
import type { RootDb } from "../db";
import { AppError } from "../errors";
import type { TenantClients } from "../tenancy";
import { isSignedByTwilio, type TwilioCredentials } from "./twilio";

export type WebhookDeps = {
  rootDb: RootDb;
  tenants: TenantClients;
  platformTwilio?: TwilioCredentials;
  keyring?: Keyring;
};
export type SignedRequest = { url: string; params: Record<string, string>; signature: string | null };

/** The number's org and the auth token Twilio signs its requests with. */
export async function numberOwner(deps: WebhookDeps, e164: string | undefined) {
  if (!e164) return null;
  const number = await deps.rootDb.phoneNumber.findUnique({
    where: { e164 },
    select: {
      orgId: true,
      source: true,
      credential: { select: { ciphertext: true } },
      org: { select: { name: true } },
    },
  });
  if (!number) return null;
  let token = deps.platformTwilio?.authToken;
  if (number.source === "byo" && number.credential && deps.keyring) {
    token = readTwilioCredentials(deps.keyring, number.credential.ciphertext, number.orgId).authToken;
  }
  return token ? { orgId: number.orgId, clinicName: number.org.name, token } : null;
}

export function verifyTwilioSignature(token: string, request: SignedRequest) {
  if (!request.signature || !isSignedByTwilio(token, request.signature, request.url, request.params)) {
    throw new AppError("FORBIDDEN", "invalid X-Twilio-Signature; check the webhook URL and the account's auth token");
  }
}
