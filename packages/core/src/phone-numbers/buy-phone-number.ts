import type { z } from "zod";
import type { Origin } from "../audit";
import type { TenantDb } from "../tenancy";
import { addPhoneNumber } from "./add-phone-number";
import { buyPhoneNumberInput } from "./schemas";

/**
 * Managed: a number for sale (from `searchAvailableNumbers`). The purchase itself happens in
 * the worker (`provisionPhoneNumber`), in the clinic's own Twilio subaccount.
 */
export async function buyPhoneNumber(db: TenantDb, origin: Origin, input: z.input<typeof buyPhoneNumberInput>) {
  const { e164, label } = buyPhoneNumberInput.parse(input);
  return addPhoneNumber(db, origin, { e164, label, source: "managed" });
}
