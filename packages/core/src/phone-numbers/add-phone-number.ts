// Both ways of adding a number (bring your own, buy a managed one) end the same: a pending row,
// unique by its E.164 across every clinic, and a provisioning job queued in the same transaction.
import { type Origin, recordAudit } from "../audit";
import { isUniqueViolation, type PhoneNumberSource } from "../db";
import { AppError } from "../errors";
import { enqueueFromTenant } from "../queue";
import type { TenantDb } from "../tenancy";
import { phoneNumberSelect } from "./list-phone-numbers";
import { numberQueue } from "./release-phone-number";

/** The sentence for a number another row (this clinic's or not, we do not say) already holds. */
export const numberTakenMessage = (e164: string) =>
  `${e164} is already connected to Frontdesk; release it there first, or choose another number`;

export async function addPhoneNumber(
  db: TenantDb,
  origin: Origin,
  row: { e164: string; label?: string; source: PhoneNumberSource; credentialId?: string },
) {
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.phoneNumber.create({
        data: {
          clinicId: db.clinicId,
          e164: row.e164,
          label: row.label || null,
          source: row.source,
          credentialId: row.credentialId ?? null,
          status: "pending",
        },
        select: phoneNumberSelect,
      });
      await enqueueFromTenant(
        tx,
        "phone-numbers:provision",
        { clinicId: db.clinicId, phoneNumberId: created.id },
        // Eight attempts back off over about half an hour; then the number shows as failed.
        { queueName: numberQueue(created.id), jobKey: `phone-numbers:provision:${created.id}`, maxAttempts: 8 },
      );
      await recordAudit(tx, origin, {
        action: row.source === "byo" ? "phoneNumbers.connect" : "phoneNumbers.buy",
        targetType: "phone_number",
        targetId: created.id,
        metadata: { e164: row.e164 },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", numberTakenMessage(row.e164));
    throw error;
  }
}
