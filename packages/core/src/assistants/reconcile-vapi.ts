// Keeps Vapi and Frontdesk in agreement (cron): every assistant we believe Vapi has must be
// there, and every tool of the registry. A missing one is recreated (its row goes back to
// pending and a sync is queued); something in Vapi that carries our metadata but matches no row
// of ours is an orphan: reported, never deleted blindly (it may be a row restored tomorrow, or
// another environment sharing the account).
import { enqueue } from "../queue";
import { toolNames } from "../voice/tools";
import { queueAssistantSyncAsPlatform, VAPI_TIMEOUT_SECONDS, type VapiSyncDeps, withAdvisoryLock } from "./sync-deps";

export type ReconcileVapiResult = {
  assistantsMissing: number;
  toolsMissing: number;
  orphanAssistants: string[];
  orphanTools: string[];
};

export async function reconcileVapi(deps: VapiSyncDeps): Promise<ReconcileVapiResult | undefined> {
  const { vapi } = deps;
  if (!vapi) return undefined;
  const options = { timeoutInSeconds: deps.timeoutSeconds ?? VAPI_TIMEOUT_SECONDS };
  const [remoteAssistants, remoteTools] = await Promise.all([
    vapi.assistants.list({ limit: 1000 }, options),
    vapi.tools.list({ limit: 1000 }, options),
  ]);
  const result: ReconcileVapiResult = { assistantsMissing: 0, toolsMissing: 0, orphanAssistants: [], orphanTools: [] };

  // Tools: under the registry's lock, so a registration running now is not undone.
  await withAdvisoryLock(deps.rootDb, "vapi:tool-registry", async (tx) => {
    const rows = await tx.tool.findMany({ where: { vapiToolId: { not: null } } });
    const remoteIds = new Set(remoteTools.map((t) => t.id));
    const missing = rows.filter((r) => r.vapiToolId && !remoteIds.has(r.vapiToolId));
    if (missing.length > 0) {
      // Forgetting the id makes the next sync register the tool again and re-link everyone.
      await tx.tool.updateMany({
        where: { id: { in: missing.map((r) => r.id) } },
        data: { vapiToolId: null, syncedHash: null },
      });
      result.toolsMissing = missing.length;
    }
    const ours = new Set(rows.map((r) => r.vapiToolId));
    result.orphanTools = remoteTools
      .filter((t) => t.type === "function" && toolNames.includes(t.function?.name as never) && !ours.has(t.id))
      .map((t) => t.id);
  });

  const rows = await deps.rootDb.assistant.findMany({ select: { id: true, clinicId: true, vapiAssistantId: true } });
  const byVapiId = new Set(rows.map((r) => r.vapiAssistantId));
  const remoteIds = new Set(remoteAssistants.map((a) => a.id));
  for (const row of rows) {
    if (!row.vapiAssistantId || remoteIds.has(row.vapiAssistantId)) continue;
    result.assistantsMissing += 1;
    await deps.rootDb.$transaction(async (tx) => {
      await tx.assistant.updateMany({
        where: { id: row.id, vapiAssistantId: row.vapiAssistantId },
        data: {
          vapiAssistantId: null,
          configHash: null,
          syncStatus: "pending",
          syncError: "missing in Vapi; recreating",
        },
      });
      await queueAssistantSyncAsPlatform(tx, { clinicId: row.clinicId, assistantId: row.id });
    });
  }
  if (result.toolsMissing > 0 && rows[0]) {
    // Any sync registers the missing tools; the first assistant's will do (it re-links the rest).
    await enqueue(deps.rootDb, "assistants:sync", { clinicId: rows[0].clinicId, assistantId: rows[0].id, force: true });
  }
  result.orphanAssistants = remoteAssistants
    .filter((a) => {
      const meta = a.metadata as { clinicId?: unknown } | undefined;
      return typeof meta?.clinicId === "string" && !byVapiId.has(a.id);
    })
    .map((a) => a.id);
  deps.log?.(
    `vapi reconcile: ${result.assistantsMissing} assistants and ${result.toolsMissing} tools missing (recreating); ` +
      `orphans in Vapi: ${result.orphanAssistants.length} assistants, ${result.orphanTools.length} tools` +
      (result.orphanAssistants.length + result.orphanTools.length > 0
        ? ` (${[...result.orphanAssistants, ...result.orphanTools].join(", ")})`
        : ""),
  );
  return result;
}
