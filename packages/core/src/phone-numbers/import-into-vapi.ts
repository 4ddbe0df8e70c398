// Importing a Twilio number into Vapi, safe to repeat: Vapi is asked first whether it already has
// the number (a create whose answer was lost still made one), and the create itself is sent
// once (the SDK would otherwise retry a POST after a 5xx or a timeout and could make two).
import type { Vapi } from "@vapi-ai/server-sdk";
import type { TwilioCredentials } from "../sms/twilio";
import { callbackUrls, explainProviderError, requireVapi, type TelephonyDeps } from "./deps";

/** How long one Vapi request may take before it counts as "no answer". */
export const VAPI_TIMEOUT_SECONDS = 20;

type VapiNumber = { id: string; number?: string; server?: { url?: string } };

/** Vapi's numbers (the platform has one account; a few hundred numbers fit one page). */
export async function listVapiNumbers(deps: Pick<TelephonyDeps, "vapi" | "vapiTimeoutSeconds">) {
  const vapi = requireVapi(deps);
  try {
    const found = await vapi.phoneNumbers.list(
      { limit: 1000 },
      { timeoutInSeconds: deps.vapiTimeoutSeconds ?? VAPI_TIMEOUT_SECONDS },
    );
    return found as unknown as VapiNumber[];
  } catch (error) {
    throw explainProviderError("Vapi", error);
  }
}

/** Vapi's phone-number id for `e164`, importing it with the clinic's Twilio account if Vapi lacks it. */
export async function importIntoVapi(
  deps: Pick<TelephonyDeps, "vapi" | "appUrl" | "vapiWebhookSecret" | "vapiTimeoutSeconds">,
  number: { e164: string; label: string | null },
  twilio: TwilioCredentials,
): Promise<string> {
  const vapi = requireVapi(deps);
  const existing = (await listVapiNumbers(deps)).find((n) => n.number === number.e164);
  if (existing) return existing.id;
  const request: Vapi.CreatePhoneNumbersRequest = {
    provider: "twilio",
    number: number.e164,
    twilioAccountSid: twilio.accountSid,
    twilioAuthToken: twilio.authToken,
    name: (number.label || number.e164).slice(0, 40),
    // Frontdesk sends its own texts; Vapi would otherwise take over the number's SMS webhook.
    smsEnabled: false,
    // No assistantId: every call asks our webhook (assistant-request), which knows the clinic.
    server: {
      url: callbackUrls(deps.appUrl).vapiWebhook,
      headers: { "X-Vapi-Secret": deps.vapiWebhookSecret ?? "" },
    },
  };
  try {
    const created = await vapi.phoneNumbers.create(request, {
      maxRetries: 0,
      timeoutInSeconds: deps.vapiTimeoutSeconds ?? VAPI_TIMEOUT_SECONDS,
    });
    return created.id;
  } catch (error) {
    throw explainProviderError("Vapi", error);
  }
}
