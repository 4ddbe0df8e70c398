import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { claimDefault, lockClinicAssistants } from "./default-assistant";
import { updateAssistantInput } from "./schemas";
import { assistantSelect } from "./select";
import { queueAssistantSync } from "./sync-deps";

/** The fields Vapi's copy is built from: changing any of them needs a sync. */
const SYNCED_FIELDS = ["name", "systemPrompt", "firstMessage", "voiceProvider", "voiceId", "modelProvider", "model"];

/** Changes the fields given. A save that changes nothing Vapi has queues no sync. */
export async function updateAssistant(db: TenantDb, origin: Origin, raw: z.input<typeof updateAssistantInput>) {
  const { assistantId: id, isDefault, ...data } = updateAssistantInput.parse(raw);
  return db.$transaction(async (tx) => {
    if (isDefault !== undefined) await lockClinicAssistants(tx, db.clinicId);
    const [current] = await tx.$queryRaw<Record<string, unknown>[]>`
      SELECT * FROM assistants WHERE id = ${id}::uuid FOR UPDATE`;
    if (!current) throw new AppError("NOT_FOUND", "assistant not found");
    const changed = Object.entries(data).filter(([key, value]) => current[key] !== value);
    const needsSync = changed.some(([key]) => SYNCED_FIELDS.includes(key));
    if (changed.length > 0) {
      await tx.assistant.update({
        where: { id },
        data: needsSync ? { ...data, syncStatus: "pending", syncError: null } : data,
      });
    }
    if (isDefault === true && current.isDefault !== true) await claimDefault(tx, db.clinicId, id);
    if (isDefault === false && current.isDefault === true) {
      throw new AppError("CONFLICT", "a clinic always has a default assistant; make another one the default instead");
    }
    await recordAudit(tx, origin, {
      action: "assistant.update",
      targetType: "assistant",
      targetId: id,
      metadata: { changed: changed.map(([key]) => key), ...(isDefault ? { madeDefault: true } : {}) },
    });
    if (needsSync) await queueAssistantSync(tx, { clinicId: db.clinicId, assistantId: id });
    return tx.assistant.findUniqueOrThrow({ where: { id }, select: assistantSelect });
  });
}
