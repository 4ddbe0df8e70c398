import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { phoneNumberSelect } from "./list-phone-numbers";
import { setPhoneNumberActiveInput } from "./schemas";

/**
 * Switches a provisioned number on or off. Off, its calls are answered with the spoken "not in
 * service" (the webhook answers only active numbers); it stays in Twilio and Vapi.
 */
export async function setPhoneNumberActive(
  db: TenantDb,
  origin: Origin,
  input: z.input<typeof setPhoneNumberActiveInput>,
) {
  const { phoneNumberId, active } = setPhoneNumberActiveInput.parse(input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.phoneNumber.updateMany({
      where: { id: phoneNumberId, status: active ? "inactive" : "active" },
      data: { status: active ? "active" : "inactive" },
    });
    const number = await tx.phoneNumber.findFirst({ where: { id: phoneNumberId }, select: phoneNumberSelect });
    if (!number || number.status === "released") throw new AppError("NOT_FOUND", "that number was not found");
    if (count === 0 && number.status !== (active ? "active" : "inactive")) {
      throw new AppError(
        "CONFLICT",
        number.status === "pending"
          ? "the number is still being set up; wait until it shows Active"
          : "the number failed to set up; release it and add it again",
      );
    }
    if (count > 0) {
      await recordAudit(tx, origin, {
        action: active ? "phoneNumbers.activate" : "phoneNumbers.deactivate",
        targetType: "phone_number",
        targetId: phoneNumberId,
      });
    }
    return number;
  });
}
