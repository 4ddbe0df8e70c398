import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { phoneNumberSelect } from "./list-phone-numbers";
import { assignAssistantInput } from "./schemas";

/**
 * Which of the clinic's assistants answers the number (null: the clinic's first). Nothing changes
 * in Vapi: numbers are imported without an assistant, so every call asks our webhook, which
 * reads this.
 */
export async function assignAssistant(db: TenantDb, origin: Origin, input: z.input<typeof assignAssistantInput>) {
  const { phoneNumberId, assistantId } = assignAssistantInput.parse(input);
  return db.$transaction(async (tx) => {
    if (assistantId && !(await tx.assistant.findFirst({ where: { id: assistantId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND", "that assistant was not found; it may have been deleted");
    }
    const { count } = await tx.phoneNumber.updateMany({
      where: { id: phoneNumberId, status: { not: "released" } },
      data: { assistantId },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "that number was not found");
    await recordAudit(tx, origin, {
      action: "phoneNumbers.assignAssistant",
      targetType: "phone_number",
      targetId: phoneNumberId,
      metadata: { assistantId },
    });
    return tx.phoneNumber.findFirstOrThrow({ where: { id: phoneNumberId }, select: phoneNumberSelect });
  });
}
