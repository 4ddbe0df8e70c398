import type { z } from "zod";
import { explainProviderError, platformTwilioClient, type TelephonyDeps } from "./deps";
import { searchAvailableNumbersInput } from "./schemas";

/** Managed: numbers for sale in an area code, searched on the platform's Twilio master account. */
export async function searchAvailableNumbers(
  deps: Pick<TelephonyDeps, "platformTwilio" | "twilioApiBaseUrl">,
  input: z.input<typeof searchAvailableNumbersInput>,
) {
  const { areaCode } = searchAvailableNumbersInput.parse(input);
  const client = platformTwilioClient(deps);
  try {
    const found = await client.availablePhoneNumbers("US").local.list({ areaCode: Number(areaCode), limit: 10 });
    return found.map((n) => ({
      e164: n.phoneNumber,
      friendlyName: n.friendlyName,
      locality: n.locality ?? null,
      region: n.region ?? null,
    }));
  } catch (error) {
    throw explainProviderError("Twilio", error);
  }
}
