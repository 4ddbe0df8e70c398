// Shared by the two Twilio webhook routes: parse the form, verify the signature against the
// public URL Twilio called (APP_URL, not the internal one a proxy forwarded to), map errors.
import { AppError } from "@frontdesk/core";
import { createKeyring } from "@frontdesk/core/crypto";
import type { SignedRequest, WebhookDeps } from "@frontdesk/core/sms";
import { env } from "../env";
import { BodyTooLarge, readBody } from "./read-body";
import { services } from "./services";

/** Twilio's webhook forms are a few kilobytes; a message body is at most 1,600 characters. */
const MAX_BODY_BYTES = 64 * 1024;

const statusOf: Partial<Record<AppError["code"], number>> = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404 };

export function webhookDeps(): WebhookDeps {
  const config = env();
  return {
    rootDb: services().rootDb,
    tenants: services().tenants,
    platformTwilio:
      config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN
        ? { accountSid: config.TWILIO_ACCOUNT_SID, authToken: config.TWILIO_AUTH_TOKEN }
        : undefined,
    keyring: createKeyring(config.ENCRYPTION_KEY_ID, config.ENCRYPTION_KEY, config.ENCRYPTION_PREVIOUS_KEYS),
  };
}

export async function handleTwilioWebhook(req: Request, handle: (request: SignedRequest) => Promise<Response>) {
  if (!req.headers.get("content-type")?.includes("application/x-www-form-urlencoded")) {
    return Response.json({ error: "expected a form-encoded Twilio webhook" }, { status: 415 });
  }
  let body: string;
  try {
    body = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return Response.json({ error: "webhook body too large" }, { status: 413 });
    throw error;
  }
  const params = Object.fromEntries(new URLSearchParams(body));
  const incoming = new URL(req.url);
  const url = new URL(incoming.pathname + incoming.search, env().APP_URL).toString();
  try {
    return await handle({ url, params, signature: req.headers.get("x-twilio-signature") });
  } catch (error) {
    if (error instanceof AppError && statusOf[error.code]) {
      return Response.json({ error: error.message }, { status: statusOf[error.code] });
    }
    throw error;
  }
}
