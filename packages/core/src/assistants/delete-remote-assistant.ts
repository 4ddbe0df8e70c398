// Deleting an assistant in Frontdesk removes its copy from Vapi. Its row is gone, so the id
// comes with the job; without one (deleted before its first sync finished) it is looked up by
// the metadata every Frontdesk assistant carries.
import { vapiStatus } from "../vapi/client";
import { findByMetadata } from "./sync-assistant";
import { VAPI_TIMEOUT_SECONDS, type VapiSyncDeps, withAdvisoryLock } from "./sync-deps";

export async function deleteRemoteAssistant(
  deps: VapiSyncDeps,
  payload: { assistantId: string; vapiAssistantId: string | null },
): Promise<"deleted" | "absent" | "not-configured"> {
  const { vapi } = deps;
  if (!vapi) return "not-configured";
  const options = { timeoutInSeconds: deps.timeoutSeconds ?? VAPI_TIMEOUT_SECONDS };
  // Under the assistant's sync lock: a sync that was creating it finishes first, then we find it.
  return withAdvisoryLock(deps.rootDb, `vapi:assistant:${payload.assistantId}`, async () => {
    const id = payload.vapiAssistantId ?? (await findByMetadata(vapi, payload.assistantId, options));
    if (!id) return "absent";
    try {
      await vapi.assistants.delete({ id }, options);
    } catch (error) {
      if (vapiStatus(error) === 404) return "absent";
      throw error; // an outage: the queue retries the job
    }
    deps.log?.(`assistant ${payload.assistantId} removed from Vapi (${id})`);
    return "deleted";
  });
}
