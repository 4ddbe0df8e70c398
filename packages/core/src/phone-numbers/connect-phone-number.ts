import type { z } from "zod";
import type { Origin } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { addPhoneNumber } from "./add-phone-number";
import { MANAGED_CREDENTIAL_LABEL } from "./deps";
import { connectPhoneNumberInput } from "./schemas";

/**
 * Bring your own: a number in the clinic's own Twilio account. The worker checks it is there,
 * points its SMS webhooks at us and imports it into Vapi (`provisionPhoneNumber`).
 */
export async function connectPhoneNumber(db: TenantDb, origin: Origin, input: z.input<typeof connectPhoneNumberInput>) {
  const { credentialId, e164, label } = connectPhoneNumberInput.parse(input);
  const credential = await db.credential.findFirst({
    where: { id: credentialId, kind: "twilio", label: { not: MANAGED_CREDENTIAL_LABEL } },
    select: { id: true },
  });
  if (!credential)
    throw new AppError("NOT_FOUND", "those Twilio credentials were not found; add them under Twilio first");
  return addPhoneNumber(db, origin, { e164, label, source: "byo", credentialId });
}
