import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import { enqueueFromTenant } from "../queue";
import type { TenantDb } from "../tenancy";
import { phoneNumberIdInput } from "./schemas";

/**
 * Takes a number out of service at once (calls get "not in service") and queues the job that
 * removes it from Vapi, gives a managed one back to Twilio, and deletes the row
 * (`finishRelease`). It shares the number's job queue with provisioning, so it runs after any
 * provisioning still under way and undoes whatever that did.
 */
export async function releasePhoneNumber(db: TenantDb, origin: Origin, input: z.input<typeof phoneNumberIdInput>) {
  const { phoneNumberId } = phoneNumberIdInput.parse(input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.phoneNumber.updateMany({
      where: { id: phoneNumberId, status: { not: "released" } },
      data: { status: "released" },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "that number was not found, or is already being released");
    await enqueueFromTenant(
      tx,
      "phone-numbers:release",
      { clinicId: db.clinicId, phoneNumberId },
      { queueName: numberQueue(phoneNumberId), jobKey: `phone-numbers:release:${phoneNumberId}` },
    );
    await recordAudit(tx, origin, {
      action: "phoneNumbers.release",
      targetType: "phone_number",
      targetId: phoneNumberId,
    });
  });
}

/** One job queue per number: provisioning and release never run at the same time. */
export const numberQueue = (phoneNumberId: string) => `phone-number:${phoneNumberId}`;
