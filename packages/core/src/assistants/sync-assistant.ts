// The worker's side of saving an assistant: create or update its copy in Vapi. Saves never wait
// for this. Safe to run any number of times, concurrently too: one advisory lock per assistant,
// a config hash that skips what Vapi already has, creates the SDK never repeats, and a search
// by metadata before creating again after a create that may have reached Vapi.
import type { Vapi } from "@vapi-ai/server-sdk";
import { AppError } from "../errors";
import { isTransientVapiError, VapiError, vapiStatus } from "../vapi/client";
import { assistantConfig, type VapiAssistantConfig } from "../voice/assistant-config";
import { toolNames } from "../voice/tools";
import { canonicalHash } from "./canonical-hash";
import { registerTools } from "./register-tools";
import {
  MAX_SYNC_ATTEMPTS,
  queueAssistantSync,
  syncBackoffMs,
  VAPI_TIMEOUT_SECONDS,
  type VapiSyncDeps,
  withAdvisoryLock,
} from "./sync-deps";

export type SyncPayload = { clinicId: string; assistantId: string; attempt?: number; force?: boolean };
export type SyncOutcome = "synced" | "unchanged" | "gone" | "retrying" | "failed" | "not-configured";

export async function syncAssistant(deps: VapiSyncDeps, payload: SyncPayload): Promise<SyncOutcome> {
  const { vapi } = deps;
  const db = deps.tenants.forTenant(payload.clinicId);
  if (!vapi) {
    // Calls still work (assistant-request sends the assistant inline); say why it stays pending.
    await db.assistant.updateMany({
      where: { id: payload.assistantId },
      data: { syncError: "Vapi is not configured on this server; calls use the assistant without syncing it" },
    });
    return "not-configured";
  }
  const now = () => deps.now?.() ?? new Date();
  // No SDK retries: our own backoff decides when to ask again (and a create must never repeat).
  const options = { timeoutInSeconds: deps.timeoutSeconds ?? VAPI_TIMEOUT_SECONDS, maxRetries: 0 };
  try {
    const tools = await registerTools({ ...deps, vapi });
    return await withAdvisoryLock(deps.rootDb, `vapi:assistant:${payload.assistantId}`, async () => {
      const a = await db.assistant.findUnique({
        where: { id: payload.assistantId },
        include: { clinic: { select: { id: true, name: true } } },
      });
      if (!a) return "gone";
      const links = toolNames.map((name) => {
        const tool = tools.get(name);
        if (!tool) throw new AppError("UNAVAILABLE", `the ${name} tool is not registered with Vapi yet`);
        return { name, ...tool };
      });
      const config = assistantConfig(a.clinic, a, deps.server, { toolIds: links.map((l) => l.vapiToolId) });
      const configHash = canonicalHash({ config, tools: links });
      if (!payload.force && a.vapiAssistantId && a.configHash === configHash && a.syncStatus === "synced") {
        return "unchanged";
      }
      let { updatedAt } = await db.assistant.update({
        where: { id: a.id },
        data: { syncStatus: "syncing" },
        select: { updatedAt: true },
      });
      let vapiAssistantId = a.vapiAssistantId;
      if (vapiAssistantId && !(await updateRemote(vapi, vapiAssistantId, config, options))) vapiAssistantId = null;
      if (!vapiAssistantId) {
        // An earlier create may have reached Vapi without us storing its answer (a crash, a timeout).
        const earlier = a.vapiCreateStartedAt ? await findByMetadata(vapi, a.id, options) : undefined;
        if (earlier && (await updateRemote(vapi, earlier, config, options))) {
          vapiAssistantId = earlier;
        } else {
          ({ updatedAt } = await db.assistant.update({
            where: { id: a.id },
            data: { vapiCreateStartedAt: now() },
            select: { updatedAt: true },
          }));
          // Never retried by the SDK: a repeated POST would create a second assistant.
          const created = await vapi.assistants.create(config as unknown as Vapi.CreateAssistantDto, {
            ...options,
            maxRetries: 0,
          });
          vapiAssistantId = created.id;
        }
      }
      const id = vapiAssistantId;
      await db.$transaction(async (tx) => {
        // One statement: two assistants of a clinic may record the same links at once.
        await tx.$executeRaw`
          INSERT INTO clinic_tools (id, "clinicId", "toolName", "vapiToolId", "definitionHash", "updatedAt")
          SELECT gen_random_uuid(), ${a.clinicId}::uuid, l.name, l.tool, l.hash, now()
            FROM unnest(${links.map((l) => l.name)}::text[], ${links.map((l) => l.vapiToolId)}::text[],
                        ${links.map((l) => l.hash)}::text[]) AS l(name, tool, hash)
          ON CONFLICT ("clinicId", "toolName") DO UPDATE
            SET "vapiToolId" = excluded."vapiToolId", "definitionHash" = excluded."definitionHash", "updatedAt" = now()`;
        // Synced only if no save came in meanwhile; that save queued the next sync, which sends it.
        const { count } = await tx.assistant.updateMany({
          where: { id: a.id, updatedAt },
          data: {
            vapiAssistantId: id,
            vapiCreateStartedAt: null,
            configHash,
            syncStatus: "synced",
            syncError: null,
            syncedAt: now(),
          },
        });
        if (count === 0) {
          await tx.assistant.updateMany({
            where: { id: a.id },
            data: { vapiAssistantId: id, vapiCreateStartedAt: null },
          });
        }
      });
      deps.log?.(`assistant ${a.id} synced to Vapi as ${id}`);
      return "synced";
    });
  } catch (error) {
    return recordFailure(deps, payload, error);
  }
}

/** PATCH the whole config (model included: Vapi needs provider and model on every update). False if Vapi has no such assistant. */
async function updateRemote(
  vapi: NonNullable<VapiSyncDeps["vapi"]>,
  id: string,
  config: VapiAssistantConfig,
  options: { timeoutInSeconds: number; maxRetries?: number },
) {
  try {
    await vapi.assistants.update({ ...(config as unknown as Omit<Vapi.UpdateAssistantDto, "id">), id }, options);
    return true;
  } catch (error) {
    if (vapiStatus(error) === 404) return false;
    throw error;
  }
}

/** Vapi's id of the assistant whose metadata names ours, if any. */
export async function findByMetadata(
  vapi: NonNullable<VapiSyncDeps["vapi"]>,
  assistantId: string,
  options: { timeoutInSeconds: number; maxRetries?: number },
) {
  const listed = await vapi.assistants.list({ limit: 1000 }, options);
  return listed.find((r) => (r.metadata as { assistantId?: unknown } | undefined)?.assistantId === assistantId)?.id;
}

/** Whether asking again may work: Vapi did not answer, was down or rate-limited, or we could not reach our database. */
const worthRetrying = (error: unknown) =>
  isTransientVapiError(error) ||
  (error instanceof AppError ? error.code === "UNAVAILABLE" : !(error instanceof VapiError));

/** A sentence for the editor: what went wrong, never a secret or a stack. */
function readableReason(error: unknown, secrets: (string | undefined)[] = []) {
  let reason: string;
  const status = vapiStatus(error);
  if (error instanceof AppError) reason = error.message;
  else if (error instanceof VapiError) {
    const body = error.body as { message?: unknown } | undefined;
    const said = Array.isArray(body?.message) ? body.message.join("; ") : body?.message;
    reason =
      status === undefined
        ? "Vapi did not answer in time"
        : status >= 500
          ? `Vapi is unavailable (${status})`
          : `Vapi refused the assistant (${status})${typeof said === "string" && said ? `: ${said}` : ""}`;
  } else reason = "the sync could not finish on our side";
  for (const secret of secrets) if (secret) reason = reason.split(secret).join("[redacted]");
  return reason.slice(0, 500);
}

async function recordFailure(deps: VapiSyncDeps, payload: SyncPayload, error: unknown): Promise<SyncOutcome> {
  const db = deps.tenants.forTenant(payload.clinicId);
  const attempt = payload.attempt ?? 1;
  const reason = readableReason(error, [deps.server.webhookSecret]);
  const retry = worthRetrying(error) && attempt < MAX_SYNC_ATTEMPTS;
  const waitMs = syncBackoffMs(attempt);
  const now = deps.now?.() ?? new Date();
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.assistant.updateMany({
        where: { id: payload.assistantId },
        data: retry
          ? {
              syncStatus: "pending",
              syncError: `${reason}; trying again in ${waitMs / 1000} s (attempt ${attempt + 1} of ${MAX_SYNC_ATTEMPTS})`,
            }
          : { syncStatus: "failed", syncError: reason },
      });
      if (count === 1 && retry) {
        await queueAssistantSync(tx, { ...payload, attempt: attempt + 1 }, new Date(now.getTime() + waitMs));
      }
    });
  } catch {
    // Our database is out too: let the queue retry the whole job. A Vapi error's message carries
    // Vapi's answer, which may echo what we sent, so the queue logs our sentence instead.
    throw error instanceof VapiError ? new AppError("UNAVAILABLE", reason) : error;
  }
  deps.log?.(
    `assistant ${payload.assistantId}: sync attempt ${attempt} failed: ${reason}${retry ? `; retry in ${waitMs} ms` : ""}`,
  );
  return retry ? "retrying" : "failed";
}
