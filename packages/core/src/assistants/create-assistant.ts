import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import type { TenantDb } from "../tenancy";
import { claimDefault, lockClinicAssistants } from "./default-assistant";
import { assistantInput } from "./schemas";
import { assistantSelect } from "./select";
import { queueAssistantSync } from "./sync-deps";

/** Saves at once; the worker creates it in Vapi (queued in the same transaction). */
export async function createAssistant(db: TenantDb, origin: Origin, raw: z.input<typeof assistantInput>) {
  const { isDefault, ...data } = assistantInput.parse(raw);
  return db.$transaction(async (tx) => {
    await lockClinicAssistants(tx, db.clinicId);
    const { id } = await tx.assistant.create({ data: { ...data, clinicId: db.clinicId }, select: { id: true } });
    // A clinic's first assistant answers its calls, so it is the default whatever was asked.
    if (isDefault || (await tx.assistant.count({ where: { isDefault: true } })) === 0) {
      await claimDefault(tx, db.clinicId, id);
    }
    await recordAudit(tx, origin, { action: "assistant.create", targetType: "assistant", targetId: id });
    await queueAssistantSync(tx, { clinicId: db.clinicId, assistantId: id });
    return tx.assistant.findUniqueOrThrow({ where: { id }, select: assistantSelect });
  });
}
