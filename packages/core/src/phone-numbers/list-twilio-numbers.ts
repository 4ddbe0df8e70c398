import type { z } from "zod";
import type { TenantDb } from "../tenancy";
import { clinicTwilioClient, explainProviderError, type TelephonyDeps } from "./deps";
import { listTwilioNumbersInput } from "./schemas";

/** Bring your own: the numbers in the clinic's Twilio account, marked when already connected. */
export async function listTwilioNumbers(
  db: TenantDb,
  deps: Pick<TelephonyDeps, "keyring" | "twilioApiBaseUrl">,
  input: z.input<typeof listTwilioNumbersInput>,
) {
  const { credentialId } = listTwilioNumbersInput.parse(input);
  const client = await clinicTwilioClient(db, deps, credentialId);
  let numbers: { phoneNumber: string; friendlyName: string }[];
  try {
    numbers = await client.incomingPhoneNumbers.list({ limit: 200 });
  } catch (error) {
    throw explainProviderError("Twilio", error);
  }
  const connected = new Set(
    (
      await db.phoneNumber.findMany({
        where: { e164: { in: numbers.map((n) => n.phoneNumber) }, status: { not: "released" } },
        select: { e164: true },
      })
    ).map((n) => n.e164),
  );
  return numbers.map((n) => ({
    e164: n.phoneNumber,
    friendlyName: n.friendlyName,
    connected: connected.has(n.phoneNumber),
  }));
}
