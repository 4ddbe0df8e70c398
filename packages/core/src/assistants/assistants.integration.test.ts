// Assistants and the global tool registry on real PostgreSQL, synced through the real
// @vapi-ai/server-sdk against the local Vapi stub. Jobs are taken from graphile-worker's own
// table and run the way the worker runs them, so every sync here was queued by the code under test.
import { randomBytes } from "node:crypto";
import { createTenantClients, type TenantClients, type TenantDb } from "@frontdesk/core/tenancy";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { staffOrigin } from "../../../../test/fixtures";
import { startVapiStub } from "../../../../test/vapi-stub";
import { createVapiClient } from "../vapi/client";
import { voiceTools } from "../voice/tools";
import { createAssistant } from "./create-assistant";
import { deleteAssistant } from "./delete-assistant";
import { deleteRemoteAssistant } from "./delete-remote-assistant";
import { listAssistants } from "./list-assistants";
import { reconcileVapi } from "./reconcile-vapi";
import { registerTools } from "./register-tools";
import { retryAssistantSync } from "./retry-assistant-sync";
import { syncAssistant } from "./sync-assistant";
import { syncBackoffMs, type VapiSyncDeps } from "./sync-deps";
import { updateAssistant } from "./update-assistant";

const TOKEN = "3f1b2c4d-5e6f-4a1b-8c2d-9e0f1a2b3c4d";
const SECRET = "whsec-frontdesk-test-0123456789abcdef";
const WEBHOOK = "https://app.frontdesk.test/api/vapi/webhook";

const t = useTestDatabase();
let tenants: TenantClients;
let stub: Awaited<ReturnType<typeof startVapiStub>>;
let logLines: string[];
const consoleLines: string[] = [];
const originalConsole = { log: console.log, warn: console.warn, error: console.error, info: console.info };

beforeAll(() => {
  tenants = createTenantClients(t.url, { max: 6 });
  // Everything printed while this file runs is checked for secrets at the end.
  for (const level of ["log", "warn", "error", "info"] as const) {
    console[level] = (...args: unknown[]) => {
      consoleLines.push(args.map(String).join(" "));
      originalConsole[level](...args);
    };
  }
});
afterAll(async () => {
  Object.assign(console, originalConsole);
  await tenants.close();
});

beforeEach(async () => {
  stub = await startVapiStub(TOKEN);
  logLines = [];
  // A platform starting from nothing (a fresh Vapi): no tool, no assistant, no job queued.
  await t.db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
  await t.db.tool.deleteMany();
  await t.db.assistant.deleteMany();
});
afterEach(() => stub.close());

function deps(extra: Partial<VapiSyncDeps> = {}): VapiSyncDeps {
  return {
    rootDb: t.db,
    tenants,
    vapi: createVapiClient({ token: TOKEN, baseUrl: stub.url }),
    server: { webhookUrl: WEBHOOK, webhookSecret: SECRET },
    timeoutSeconds: 1,
    log: (line) => logLines.push(line),
    ...extra,
  };
}

async function newClinic(): Promise<{ clinicId: string; db: TenantDb }> {
  const slug = `clinic-${randomBytes(4).toString("hex")}`;
  const { id } = await t.db.clinic.create({ data: { name: `Clinic ${slug}`, slug, timezone: "UTC" } });
  return { clinicId: id, db: tenants.forTenant(id) };
}

const input = (over: Record<string, unknown> = {}) => ({
  name: "Front desk",
  role: "receptionist" as const,
  systemPrompt: "You answer the phone for {{clinicName}}.",
  firstMessage: "Hello, {{clinicName}} here.",
  voiceProvider: "vapi" as const,
  voiceId: "Elliot",
  modelProvider: "openai" as const,
  model: "gpt-4o",
  transferNumber: null,
  isDefault: false,
  ...over,
});

type Job = { payload: { clinicId: string; assistantId: string; attempt?: number }; run_at: Date };

/** Takes the queued jobs of one task out of graphile-worker's table (as a worker would): the due ones, or all. */
async function take(task: string, { due = false } = {}) {
  return t.db.$queryRaw<Job[]>`
    DELETE FROM graphile_worker._private_jobs j USING graphile_worker._private_tasks k
     WHERE k.id = j.task_id AND k.identifier = ${task} AND (NOT ${due} OR j.run_at <= now())
    RETURNING j.payload, j.run_at`;
}

/** Runs every due sync (concurrently, as several workers would), until none is left. */
async function runSyncs(d = deps()) {
  const outcomes: string[] = [];
  const due = () => take("assistants:sync", { due: true });
  for (let jobs = await due(); jobs.length > 0; jobs = await due()) {
    outcomes.push(...(await Promise.all(jobs.map((job) => syncAssistant(d, job.payload)))));
  }
  return outcomes;
}

describe("assistant sync", () => {
  it("creates the assistant in Vapi with its whole config, then updates it, and sends nothing for a save that changes nothing", async () => {
    const clinic = await newClinic();
    const created = await createAssistant(clinic.db, staffOrigin(), input());
    // Saving answered at once; the sync is queued, not done.
    expect(created).toMatchObject({ syncStatus: "pending", isDefault: true });
    expect(stub.state.log).toHaveLength(0);

    // Registering the tools re-links every assistant (a second, duplicate sync): it sends nothing.
    expect(await runSyncs()).toEqual(["synced", "unchanged"]);
    const [post] = stub.sent("POST", "/assistant");
    // biome-ignore lint/suspicious/noExplicitAny: a Vapi request body, read field by field below
    const body = post?.body as Record<string, any>;
    const tools = stub.sent("POST", "/tool").map((r) => r.body as { function: { name: string } });
    expect(tools.map((b) => b.function.name)).toEqual(voiceTools.map((v) => v.function.name));
    expect(body.model).toMatchObject({ provider: "openai", model: "gpt-4o" });
    expect(body.model.toolIds).toEqual([...stub.state.tools.values()].map((tool) => tool.id));
    expect(body.model.messages[0].content).toContain("You answer the phone for {{clinicName}}.");
    expect(body.server).toEqual({ url: WEBHOOK, headers: { "X-Vapi-Secret": SECRET } });
    expect(body.serverMessages).toContain('transcript[transcriptType="final"]');
    expect(body.serverMessages).toContain("end-of-call-report");
    expect(body.metadata).toEqual({ clinicId: clinic.clinicId, assistantId: created.id });
    expect(body.analysisPlan.structuredDataPlan.schema.properties.outcome.enum).toContain("booked");

    const row = await t.db.assistant.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ syncStatus: "synced", syncError: null, vapiCreateStartedAt: null });
    expect(row.vapiAssistantId).toBe([...stub.state.assistants.keys()][0]);
    expect(row.configHash).toMatch(/^[0-9a-f]{64}$/);
    const links = await clinic.db.clinicTool.findMany({ orderBy: { toolName: "asc" } });
    expect(links.map((l) => l.toolName)).toEqual(voiceTools.map((v) => v.function.name).sort());

    // A change: PATCH with the whole model (Vapi needs provider and model on every update).
    await updateAssistant(clinic.db, staffOrigin(), { assistantId: created.id, firstMessage: "Hi there!" });
    expect(await runSyncs()).toEqual(["synced"]);
    const patches = stub.sent("PATCH", `/assistant/${row.vapiAssistantId}`);
    expect(patches).toHaveLength(1);
    expect(patches[0]?.body).toMatchObject({
      firstMessage: "Hi there!",
      model: { provider: "openai", model: "gpt-4o" },
    });
    expect(stub.sent("POST", "/assistant")).toHaveLength(1);

    // The same values again, and a change Vapi does not see (the role): no job, no request.
    const before = stub.state.log.length;
    await updateAssistant(clinic.db, staffOrigin(), {
      assistantId: created.id,
      firstMessage: "Hi there!",
      role: "support",
    });
    expect(await take("assistants:sync")).toHaveLength(0);
    // Even a sync that runs anyway (a duplicate job) sends nothing: the config hash matches.
    expect(await syncAssistant(deps(), { clinicId: clinic.clinicId, assistantId: created.id })).toBe("unchanged");
    expect(stub.state.log.length).toBe(before);
    const audit = await clinic.db.auditLog.findMany({ where: { targetId: created.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["assistant.create", "assistant.update", "assistant.update"]);
  });

  it("registers each tool once for the whole platform: 5 clinics x 2 assistants make 7 tool creates", async () => {
    for (let i = 0; i < 5; i++) {
      const clinic = await newClinic();
      await createAssistant(clinic.db, staffOrigin(), input({ name: `Desk ${i}` }));
      await createAssistant(clinic.db, staffOrigin(), input({ name: `Sales ${i}`, role: "sales" }));
    }
    // All ten at once, as several workers would run them.
    const outcomes = await runSyncs();
    expect(outcomes.filter((o) => o === "synced")).toHaveLength(10);
    expect(stub.sent("POST", "/tool")).toHaveLength(voiceTools.length);
    expect(stub.state.tools.size).toBe(7);
    expect(stub.sent("POST", "/assistant")).toHaveLength(10);
    // Every assistant links the same seven tools; each clinic's links are recorded once per tool.
    const toolIds = new Set([...stub.state.tools.keys()]);
    for (const a of stub.state.assistants.values()) {
      expect(new Set((a.model as { toolIds: string[] }).toolIds)).toEqual(toolIds);
    }
    expect(await t.db.clinicTool.count()).toBeGreaterThanOrEqual(5 * 7);
    const perClinic = await t.db.clinicTool.groupBy({ by: ["clinicId"], _count: true });
    expect(perClinic.every((g) => g._count === 7)).toBe(true);
    // And the registry is not asked again: a second round sends nothing.
    const before = stub.state.log.length;
    await runSyncs();
    expect(stub.state.log.length).toBe(before);
  });

  it("re-registers a changed tool in place and re-links every assistant", async () => {
    const clinic = await newClinic();
    const a = await createAssistant(clinic.db, staffOrigin(), input());
    await runSyncs();
    const vapiAssistantId = (await t.db.assistant.findUniqueOrThrow({ where: { id: a.id } })).vapiAssistantId;
    const oldHash = (await t.db.tool.findUniqueOrThrow({ where: { name: "getClinicInfo" } })).definitionHash;

    // A new description for one tool: a new hash.
    const changed = voiceTools.map((tool) =>
      tool.function.name === "getClinicInfo"
        ? { ...tool, function: { ...tool.function, description: `${tool.function.description} Keep it short.` } }
        : tool,
    );
    const d = deps({ tools: changed });
    const toolRow = await t.db.tool.findUniqueOrThrow({ where: { name: "getClinicInfo" } });
    const before = stub.state.log.length;
    expect(await runSyncs(d)).toEqual([]); // nothing queued yet; the next sync of anything notices
    await syncAssistant(d, { clinicId: clinic.clinicId, assistantId: a.id });
    const sent = stub.state.log.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(sent).toEqual([`PATCH /tool/${toolRow.vapiToolId}`, `PATCH /assistant/${vapiAssistantId}`]);
    expect(
      (stub.state.tools.get(toolRow.vapiToolId as string)?.function as { description?: string } | undefined)
        ?.description,
    ).toMatch(/Keep it short\.$/);
    const after = await t.db.tool.findUniqueOrThrow({ where: { name: "getClinicInfo" } });
    expect(after.definitionHash).not.toBe(oldHash);
    expect(after).toMatchObject({ syncedHash: after.definitionHash, vapiToolId: toolRow.vapiToolId });
    const link = await clinic.db.clinicTool.findFirstOrThrow({ where: { toolName: "getClinicInfo" } });
    expect(link.definitionHash).toBe(after.definitionHash);
    // Re-linking queued a sync of every assistant; this one is already current.
    expect(await runSyncs(d)).toEqual(["unchanged"]);
  });

  it("creates no second tool or assistant under two concurrent syncs", async () => {
    const clinic = await newClinic();
    const a = await createAssistant(clinic.db, staffOrigin(), input());
    await take("assistants:sync");
    const payload = { clinicId: clinic.clinicId, assistantId: a.id };
    // Two workers, two processes' worth of connections.
    const otherTenants = createTenantClients(t.url, { max: 3 });
    try {
      const outcomes = await Promise.all([
        syncAssistant(deps(), payload),
        syncAssistant({ ...deps(), tenants: otherTenants }, payload),
      ]);
      expect(outcomes.sort()).toEqual(["synced", "unchanged"]);
    } finally {
      await otherTenants.close();
    }
    expect(stub.sent("POST", "/tool")).toHaveLength(7);
    expect(stub.sent("POST", "/assistant")).toHaveLength(1);
  });

  it("creates no duplicate after a crash between Vapi's answer and our write", async () => {
    const clinic = await newClinic();
    const a = await createAssistant(clinic.db, staffOrigin(), input());
    await take("assistants:sync");
    const vapi = createVapiClient({ token: TOKEN, baseUrl: stub.url });
    if (!vapi) throw new Error("no client");
    // A previous run created one tool and the assistant in Vapi, then died before writing.
    const lost = voiceTools[0];
    const tool = await vapi.tools.create({ type: "function", function: lost?.function } as never);
    const remote = await vapi.assistants.create({
      name: "Front desk",
      metadata: { clinicId: clinic.clinicId, assistantId: a.id },
    });
    await t.db.assistant.update({
      where: { id: a.id },
      data: { syncStatus: "syncing", vapiCreateStartedAt: new Date() },
    });
    const creates = () => stub.sent("POST", "/tool").length + stub.sent("POST", "/assistant").length;
    const before = creates();

    expect(await syncAssistant(deps(), { clinicId: clinic.clinicId, assistantId: a.id })).toBe("synced");
    expect(creates() - before).toBe(6); // the six tools that never reached Vapi; nothing else
    expect(stub.state.tools.size).toBe(7);
    expect(stub.state.assistants.size).toBe(1);
    expect(await t.db.tool.findUniqueOrThrow({ where: { name: lost?.function.name } })).toMatchObject({
      vapiToolId: tool.id,
    });
    expect(await t.db.assistant.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      vapiAssistantId: remote.id,
      syncStatus: "synced",
      vapiCreateStartedAt: null,
    });
  });

  it("retries Vapi 5xx and timeouts on our schedule (2 s, 4 s, 8 s), then succeeds", async () => {
    expect([1, 2, 3, 4].map(syncBackoffMs)).toEqual([2000, 4000, 8000, 16000]);
    const clinic = await newClinic();
    const a = await createAssistant(clinic.db, staffOrigin(), input());
    await runSyncs(); // the tools and the assistant exist
    await updateAssistant(clinic.db, staffOrigin(), { assistantId: a.id, name: "Night desk" });
    const now = new Date("2031-01-01T00:00:00Z");
    const d = deps({ now: () => now });
    stub.failNext(503, "timeout", 502);

    const waits: number[] = [];
    const states: (string | null)[] = [];
    let jobs = await take("assistants:sync");
    for (;;) {
      const job = jobs[0];
      if (!job) throw new Error("no sync queued");
      const outcome = await syncAssistant(d, job.payload);
      if (outcome !== "retrying") {
        expect(outcome).toBe("synced");
        break;
      }
      const row = await t.db.assistant.findUniqueOrThrow({ where: { id: a.id } });
      states.push(`${row.syncStatus}: ${row.syncError}`);
      jobs = await take("assistants:sync");
      waits.push((jobs[0]?.run_at.getTime() ?? 0) - now.getTime());
    }
    expect(waits).toEqual([2000, 4000, 8000]);
    expect(states).toEqual([
      "pending: Vapi is unavailable (503); trying again in 2 s (attempt 2 of 8)",
      "pending: Vapi did not answer in time; trying again in 4 s (attempt 3 of 8)",
      "pending: Vapi is unavailable (502); trying again in 8 s (attempt 4 of 8)",
    ]);
    // Each attempt was one PATCH (the SDK's own retries are not what waited).
    const vapiId = (await t.db.assistant.findUniqueOrThrow({ where: { id: a.id } })).vapiAssistantId;
    expect(stub.sent("PATCH", `/assistant/${vapiId}`)).toHaveLength(4);
    expect(await t.db.assistant.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      syncStatus: "synced",
      syncError: null,
      name: "Night desk",
    });
  });

  it("a create that fails is never sent twice by the SDK, and a refusal fails at once with a readable reason and no secret", async () => {
    const clinic = await newClinic();
    const a = await createAssistant(clinic.db, staffOrigin(), input());
    await registerOnly();
    stub.failNext(500);
    expect(await runSyncs()).toEqual(["retrying"]);
    expect(stub.sent("POST", "/assistant")).toHaveLength(1); // maxRetries 0: one POST per attempt

    // Vapi refuses, echoing what it was sent (the secret included): failed, reason readable, secret gone.
    await t.db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    stub.failNext({ status: 400, message: `server.headers.X-Vapi-Secret ${SECRET} is not allowed` });
    expect(await syncAssistant(deps(), { clinicId: clinic.clinicId, assistantId: a.id, attempt: 2 })).toBe("failed");
    expect(await take("assistants:sync")).toHaveLength(0);
    const [row] = await listAssistants(clinic.db);
    expect(row?.syncStatus).toBe("failed");
    expect(row?.syncError).toBe(
      "Vapi refused the assistant (400): server.headers.X-Vapi-Secret [redacted] is not allowed",
    );

    // Retry from the editor queues it again, and this time it goes through (found by metadata? none: created).
    await retryAssistantSync(clinic.db, staffOrigin(), { assistantId: a.id });
    expect(await runSyncs()).toEqual(["synced"]);
    expect(stub.state.assistants.size).toBe(1);
  });

  it("keeps exactly one default per clinic under concurrent saves", async () => {
    const clinic = await newClinic();
    const made = [];
    for (let i = 0; i < 6; i++) made.push(await createAssistant(clinic.db, staffOrigin(), input({ name: `A${i}` })));
    // Seven "make default" saves at once, each in its own transaction on its own connection.
    await Promise.all([
      ...made.map((a) => updateAssistant(clinic.db, staffOrigin(), { assistantId: a.id, isDefault: true })),
      createAssistant(clinic.db, staffOrigin(), input({ name: "New default", isDefault: true })),
    ]);
    const defaults = await clinic.db.assistant.findMany({ where: { isDefault: true } });
    expect(defaults).toHaveLength(1);
    // And the database refuses a second default whatever the code does.
    const other = made.find((a) => a.id !== defaults[0]?.id);
    await expect(t.db.assistant.update({ where: { id: other?.id }, data: { isDefault: true } })).rejects.toThrow();
  });

  it("deleting an assistant removes it from Vapi and hands the default on", async () => {
    const clinic = await newClinic();
    const first = await createAssistant(clinic.db, staffOrigin(), input());
    const second = await createAssistant(clinic.db, staffOrigin(), input({ name: "Second" }));
    await runSyncs();
    const vapiId = (await t.db.assistant.findUniqueOrThrow({ where: { id: first.id } })).vapiAssistantId;
    await deleteAssistant(clinic.db, staffOrigin(), { assistantId: first.id });
    expect(await clinic.db.assistant.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      isDefault: true,
    });
    const [job] = await take("assistants:delete-remote");
    expect(job?.payload).toMatchObject({ assistantId: first.id, vapiAssistantId: vapiId });
    // Vapi down: the job fails with our sentence (retried by the queue), then goes through.
    stub.failNext(503);
    await expect(deleteRemoteAssistant(deps(), job?.payload as never)).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: `Vapi did not delete assistant ${vapiId} (503)`,
    });
    expect(await deleteRemoteAssistant(deps(), job?.payload as never)).toBe("deleted");
    expect(stub.sent("DELETE", `/assistant/${vapiId}`)).toHaveLength(2);
    expect(stub.state.assistants.has(vapiId as string)).toBe(false);
    // Deleted before its first sync stored an id: found by metadata.
    const third = await createAssistant(clinic.db, staffOrigin(), input({ name: "Third" }));
    await runSyncs();
    await t.db.assistant.update({ where: { id: third.id }, data: { vapiAssistantId: null } });
    await deleteAssistant(clinic.db, staffOrigin(), { assistantId: third.id });
    const [again] = await take("assistants:delete-remote");
    expect(await deleteRemoteAssistant(deps(), again?.payload as never)).toBe("deleted");
    expect(stub.state.assistants.size).toBe(1);
  });

  it("reconciliation recreates what Vapi lost and reports orphans without deleting them", async () => {
    const clinic = await newClinic();
    const a = await createAssistant(clinic.db, staffOrigin(), input());
    await runSyncs();
    const lostId = (await t.db.assistant.findUniqueOrThrow({ where: { id: a.id } })).vapiAssistantId as string;
    stub.state.assistants.delete(lostId);
    const lostTool = [...stub.state.tools.keys()][2] as string;
    stub.state.tools.delete(lostTool);
    const vapi = createVapiClient({ token: TOKEN, baseUrl: stub.url });
    const orphan = await vapi?.assistants.create({
      name: "Gone",
      metadata: { clinicId: clinic.clinicId, assistantId: "x" },
    });

    const result = await reconcileVapi(deps());
    expect(result).toMatchObject({
      assistantsMissing: 1,
      toolsMissing: 1,
      orphanAssistants: [orphan?.id],
      orphanTools: [],
    });
    expect(logLines.at(-1)).toMatch(/orphans in Vapi: 1 assistants, 0 tools/);
    await runSyncs();
    const row = await t.db.assistant.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.syncStatus).toBe("synced");
    expect(row.vapiAssistantId).not.toBe(lostId);
    expect(stub.state.tools.size).toBe(7);
    expect(
      (stub.state.assistants.get(row.vapiAssistantId as string)?.model as { toolIds?: string[] } | undefined)?.toolIds,
    ).toEqual(
      voiceTools.map(
        (tool) =>
          [...stub.state.tools.values()].find((v) => (v.function as { name: string }).name === tool.function.name)?.id,
      ),
    );
    expect(stub.state.assistants.has(orphan?.id as string)).toBe(true); // reported, not deleted
  });

  it("never prints or returns the Vapi key or the webhook secret", async () => {
    const clinic = await newClinic();
    await createAssistant(clinic.db, staffOrigin(), input());
    await runSyncs();
    const responses = JSON.stringify(await listAssistants(clinic.db));
    for (const text of [...consoleLines, ...logLines, responses]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(SECRET);
    }
    expect(logLines.length).toBeGreaterThan(0);
  });
});

/** Registers the tools only (a sync of nothing in particular). */
async function registerOnly() {
  const d = deps();
  if (d.vapi) await registerTools({ ...d, vapi: d.vapi });
}
