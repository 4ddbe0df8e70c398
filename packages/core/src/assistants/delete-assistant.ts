import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import { enqueueFromTenant } from "../queue";
import type { TenantDb } from "../tenancy";
import { claimDefault, lockClinicAssistants } from "./default-assistant";

/**
 * Deletes the assistant here and queues its removal from Vapi (same transaction). Its numbers
 * fall back to the default; deleting the default makes the oldest remaining one the default.
 */
export async function deleteAssistant(db: TenantDb, origin: Origin, { assistantId }: { assistantId: string }) {
  await db.$transaction(async (tx) => {
    await lockClinicAssistants(tx, db.clinicId);
    const found = await tx.assistant.findUnique({
      where: { id: assistantId },
      select: { id: true, name: true, isDefault: true, vapiAssistantId: true },
    });
    if (!found) throw new AppError("NOT_FOUND", "assistant not found");
    await tx.assistant.delete({ where: { id: assistantId } });
    if (found.isDefault) {
      const next = await tx.assistant.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
      if (next) await claimDefault(tx, db.clinicId, next.id);
    }
    await recordAudit(tx, origin, {
      action: "assistant.delete",
      targetType: "assistant",
      targetId: assistantId,
      metadata: { name: found.name },
    });
    await enqueueFromTenant(tx, "assistants:delete-remote", {
      clinicId: db.clinicId,
      assistantId,
      vapiAssistantId: found.vapiAssistantId,
    });
  });
}
