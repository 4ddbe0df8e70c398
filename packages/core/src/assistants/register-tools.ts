// The global tool registry: the seven voice tools are registered with Vapi once for the whole
// platform, never per clinic. Each carries the SHA-256 of its canonical definition; a tool is
// sent to Vapi only when it is missing there or its definition changed (then it is updated in
// place and every assistant re-synced, so each clinic's link records the new hash).
import type { Vapi } from "@vapi-ai/server-sdk";
import type { Prisma } from "../db";
import { vapiStatus } from "../vapi/client";
import { type ToolName, type VoiceToolDefinition, voiceTools } from "../voice/tools";
import { canonicalHash } from "./canonical-hash";
import { queueAssistantSyncAsPlatform, VAPI_TIMEOUT_SECONDS, type VapiSyncDeps, withAdvisoryLock } from "./sync-deps";

type RegisteredTool = { vapiToolId: string; hash: string };
export type ToolRegistry = Map<ToolName, RegisteredTool>;

const REGISTRY_LOCK = "vapi:tool-registry";

/** The definitions to register, each with its hash. */
const wanted = (definitions: VoiceToolDefinition[]) =>
  definitions.map((definition) => ({ name: definition.function.name, definition, hash: canonicalHash(definition) }));

/**
 * Every tool's Vapi id, registering what is missing or changed. Cheap when nothing is (one
 * query, no Vapi request); otherwise under a cluster-wide advisory lock, so two syncs or two
 * workers never both create a tool.
 */
export async function registerTools(
  deps: VapiSyncDeps & { vapi: NonNullable<VapiSyncDeps["vapi"]> },
): Promise<ToolRegistry> {
  const tools = wanted(deps.tools ?? voiceTools);
  const current = await deps.rootDb.tool.findMany({ where: { name: { in: tools.map((t) => t.name) } } });
  const upToDate = (rows: typeof current) =>
    tools.every((t) => rows.some((r) => r.name === t.name && r.vapiToolId && r.syncedHash === t.hash));
  if (upToDate(current)) return registry(current);

  return withAdvisoryLock(deps.rootDb, REGISTRY_LOCK, async (tx) => {
    // Another worker may have done it while we waited for the lock.
    const rows = await tx.tool.findMany({ where: { name: { in: tools.map((t) => t.name) } } });
    if (upToDate(rows)) return registry(rows);
    const options = { timeoutInSeconds: deps.timeoutSeconds ?? VAPI_TIMEOUT_SECONDS };
    let listed: Vapi.ListToolsResponseItem[] | undefined;
    let changed = false;
    for (const tool of tools) {
      const row = rows.find((r) => r.name === tool.name);
      if (row?.vapiToolId && row.syncedHash === tool.hash) continue;
      // Our parameters are JSON Schema objects generated from zod; the SDK types them more narrowly.
      const body = { type: "function", function: tool.definition.function } as unknown as Vapi.CreateFunctionToolDto & {
        type: "function";
      };
      let vapiToolId = row?.vapiToolId ?? undefined;
      if (vapiToolId) {
        // Changed definition: update in place (PATCH is idempotent, so the SDK may retry it).
        try {
          await deps.vapi.tools.update({ id: vapiToolId, body }, options);
        } catch (error) {
          if (vapiStatus(error) !== 404) throw error;
          vapiToolId = undefined; // gone from Vapi: register it again below
        }
      }
      if (!vapiToolId) {
        // A create that reached Vapi before a crash (or a timeout) left a tool we never stored:
        // find it by name instead of creating a second one.
        listed ??= await deps.vapi.tools.list({ limit: 1000 }, options);
        const found = listed.find((t) => t.type === "function" && t.function?.name === tool.name);
        if (found) {
          await deps.vapi.tools.update({ id: found.id, body }, options);
          vapiToolId = found.id;
        } else {
          // Never retried by the SDK: a retried POST could register the tool twice.
          const created = await deps.vapi.tools.create(body, { ...options, maxRetries: 0 });
          vapiToolId = created.id;
        }
      }
      changed = true;
      const data = {
        definition: tool.definition as unknown as Prisma.InputJsonValue,
        definitionHash: tool.hash,
        vapiToolId,
        syncedHash: tool.hash,
        syncedAt: new Date(),
      };
      await tx.tool.upsert({ where: { name: tool.name }, create: { name: tool.name, ...data }, update: data });
      deps.log?.(`vapi tool ${tool.name}: registered ${tool.hash.slice(0, 12)} as ${vapiToolId}`);
    }
    if (changed) await relinkAllAssistants(tx);
    return registry(await tx.tool.findMany({ where: { name: { in: tools.map((t) => t.name) } } }));
  });
}

function registry(rows: { name: string; vapiToolId: string | null; syncedHash: string | null }[]): ToolRegistry {
  return new Map(
    rows.flatMap((r) =>
      r.vapiToolId && r.syncedHash ? [[r.name as ToolName, { vapiToolId: r.vapiToolId, hash: r.syncedHash }]] : [],
    ),
  );
}

/**
 * A tool was registered or changed: every assistant syncs again. Its config hash covers the
 * tools' ids and hashes, so only the assistants whose links changed send anything to Vapi.
 */
async function relinkAllAssistants(tx: Prisma.TransactionClient) {
  const assistants = await tx.assistant.findMany({ select: { id: true, clinicId: true } });
  for (const a of assistants) {
    await queueAssistantSyncAsPlatform(tx, { clinicId: a.clinicId, assistantId: a.id });
  }
}
