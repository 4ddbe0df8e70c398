import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { assistantSelect } from "./select";
import { queueAssistantSync } from "./sync-deps";

/** The editor's Retry: sync again now, whatever Vapi is believed to have. */
export async function retryAssistantSync(db: TenantDb, origin: Origin, { assistantId }: { assistantId: string }) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.assistant.updateMany({
      where: { id: assistantId },
      data: { syncStatus: "pending", syncError: null },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "assistant not found");
    await recordAudit(tx, origin, { action: "assistant.sync", targetType: "assistant", targetId: assistantId });
    await queueAssistantSync(tx, { clinicId: db.clinicId, assistantId, force: true });
    return tx.assistant.findUniqueOrThrow({ where: { id: assistantId }, select: assistantSelect });
  });
}
