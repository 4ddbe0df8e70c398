// For operators (`npm run vapi:resync`): register the tools, then queue a sync of every
// assistant of every active clinic. Idempotent: what Vapi already has is skipped by hash.
import { registerTools } from "./register-tools";
import { queueAssistantSyncAsPlatform, type VapiSyncDeps } from "./sync-deps";

export async function resyncEverything(deps: VapiSyncDeps) {
  const { vapi } = deps;
  if (!vapi) return { queued: 0 };
  await registerTools({ ...deps, vapi });
  const assistants = await deps.rootDb.assistant.findMany({
    where: { clinic: { status: "active" } },
    select: { id: true, clinicId: true },
  });
  for (const a of assistants) {
    await queueAssistantSyncAsPlatform(deps.rootDb, { clinicId: a.clinicId, assistantId: a.id });
  }
  deps.log?.(`vapi resync: tools checked, ${assistants.length} assistant syncs queued`);
  return { queued: assistants.length };
}
