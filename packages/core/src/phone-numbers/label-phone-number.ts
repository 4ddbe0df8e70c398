import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { phoneNumberSelect } from "./list-phone-numbers";
import { labelPhoneNumberInput } from "./schemas";

/** The number's name in the dashboard (e.g. "Front desk", "After hours"). */
export async function labelPhoneNumber(db: TenantDb, origin: Origin, input: z.input<typeof labelPhoneNumberInput>) {
  const { phoneNumberId, label } = labelPhoneNumberInput.parse(input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.phoneNumber.updateMany({
      where: { id: phoneNumberId, status: { not: "released" } },
      data: { label: label || null },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "that number was not found");
    await recordAudit(tx, origin, {
      action: "phoneNumbers.label",
      targetType: "phone_number",
      targetId: phoneNumberId,
      metadata: { label: label || null },
    });
    return tx.phoneNumber.findFirstOrThrow({ where: { id: phoneNumberId }, select: phoneNumberSelect });
  });
}
