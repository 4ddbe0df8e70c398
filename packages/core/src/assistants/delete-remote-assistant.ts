// Deleting an assistant in Frontdesk removes its copy from Vapi. Its row is gone, so the id
// comes with the job; without one (deleted before its first sync finished) it is looked up by
// the metadata every Frontdesk assistant carries.
import { AppError } from "../errors";
import { isTransientVapiError, vapiStatus } from "../vapi/client";
import { findByMetadata } from "./sync-assistant";
import { VAPI_TIMEOUT_SECONDS, type VapiSyncDeps, withAdvisoryLock } from "./sync-deps";

export async function deleteRemoteAssistant(
  deps: VapiSyncDeps,
  payload: { assistantId: string; vapiAssistantId: string | null },
): Promise<"deleted" | "absent" | "not-configured"> {
  const { vapi } = deps;
  if (!vapi) return "not-configured";
  // The queue asks again after a failure, so the SDK does not (its retries would only add time).
  const options = { timeoutInSeconds: deps.timeoutSeconds ?? VAPI_TIMEOUT_SECONDS, maxRetries: 0 };
  // Under the assistant's sync lock: a sync that was creating it finishes first, then we find it.
  return withAdvisoryLock(deps.rootDb, `vapi:assistant:${payload.assistantId}`, async () => {
    const id = payload.vapiAssistantId ?? (await findByMetadata(vapi, payload.assistantId, options));
    if (!id) return "absent";
    try {
      await vapi.assistants.delete({ id }, options);
    } catch (error) {
      const status = vapiStatus(error);
      if (status === 404) return "absent";
      // Our sentence, not Vapi's answer, reaches the log. An outage is retried by the queue; a
      // refusal (409: still in use) fails the job at once, for an operator to look at.
      if (isTransientVapiError(error)) {
        throw new AppError("UNAVAILABLE", `Vapi did not delete assistant ${id} (${status ?? "no answer"})`);
      }
      throw new AppError("CONFLICT", `Vapi refused to delete assistant ${id} (${status})`);
    }
    deps.log?.(`assistant ${payload.assistantId} removed from Vapi (${id})`);
    return "deleted";
  });
}
