// The worker's call processing on real PostgreSQL: inbox rows as the webhook route stores them,
// processed in every kind of order, and the reconciler against a local stub of Vapi's API.
import { randomBytes, randomUUID } from "node:crypto";
import { bookAppointment, cancelAppointment } from "@frontdesk/core/appointments";
import type { Prisma } from "@frontdesk/core/db";
import { createTenantClients, type TenantClients } from "@frontdesk/core/tenancy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callObject,
  conversation,
  conversationUpdate,
  endOfCallReport,
  finalTranscript,
  newCall,
  speechUpdate,
  statusUpdate,
  type VapiCallSetup,
} from "../../../../scripts/lib/vapi-messages";
import { useTestDatabase } from "../../../../test/database";
import { agentOrigin, newYorkTime, staffOrigin, testPatient, useSchedulingClinic } from "../../../../test/fixtures";
import { startVapiStub } from "../../../../test/vapi-stub";
import { createVapiClient } from "../vapi/client";
import { getCall } from "./get-call";
import { listCalls } from "./list-calls";
import { RECONCILE_AFTER_MS, reconcileCalls } from "./reconcile-calls";
import { recordCallEvent } from "./record-call-event";

const t = useTestDatabase();
const clinic = useSchedulingClinic(t);
let tenants: TenantClients;
beforeAll(() => {
  tenants = createTenantClients(t.url, { max: 4 });
});
afterAll(() => tenants.close());
const deps = () => ({ rootDb: t.db, tenants });

let numbers = 0;
/** A clinic number of our own, with an assistant, and a call to it from `caller`. */
async function callTo(caller: string, clinicId = clinic.clinicId) {
  numbers += 1;
  const e164 = `+1312555${String(1000 + numbers + Math.floor(Math.random() * 8000)).padStart(4, "0")}`;
  const assistant = await t.db.assistant.create({
    data: { clinicId, name: "Front desk", systemPrompt: "p", firstMessage: "hi" },
  });
  const number = await t.db.phoneNumber.create({
    data: { clinicId, e164, source: "managed", status: "active", assistantId: assistant.id },
  });
  return { call: newCall(caller, e164, new Date(Date.now() - 120_000)), number, assistant };
}

/** What the webhook route does: store the message, redacted, then the worker's job runs. */
async function store(message: { message: Record<string, unknown> }, clinicId = clinic.clinicId) {
  const event = await t.db.webhookInboxEvent.create({
    data: {
      clinicId,
      source: "vapi",
      eventType: String(message.message.type),
      dedupeKey: `${(message.message.call as { id: string }).id}:${randomUUID()}`,
      payload: message as unknown as Prisma.InputJsonValue,
    },
  });
  return { clinicId, eventId: event.id };
}

const conversationOf = (call: VapiCallSetup) =>
  conversation(call, [
    { role: "bot", text: "Thanks for calling, how can I help?", seconds: 1 },
    { role: "user", text: "I'd like a cleaning next week.", seconds: 4 },
    { role: "bot", text: "Wednesday at 10 is open. Shall I book it?", seconds: 9 },
    { role: "user", text: "Yes please.", seconds: 12 },
  ]);

function messagesOf(call: VapiCallSetup) {
  const items = conversationOf(call);
  const report = endOfCallReport(call, {
    endedReason: "customer-ended-call",
    seconds: 95,
    items,
    summary: "The caller booked a cleaning.",
    structuredData: { appointmentType: "Cleaning" },
    successEvaluation: "true",
    cost: 0.1834,
  });
  return [
    statusUpdate(call, "ringing", 0),
    statusUpdate(call, "in-progress", 1),
    speechUpdate(call, "user", "started", 3),
    conversationUpdate(call, items.slice(0, 2), 5),
    finalTranscript(call, "user", "Yes please.", 12),
    conversationUpdate(call, items, 13),
    statusUpdate(call, "ended", 96, { endedReason: "customer-ended-call" }),
    report,
  ];
}

const comparable = async (vapiCallId: string) => {
  const row = await t.db.call.findUniqueOrThrow({ where: { vapiCallId } });
  const { id, vapiCallId: _, createdAt, updatedAt, reportedAt, ...rest } = row;
  return { ...rest, costUsd: rest.costUsd === null ? null : Number(rest.costUsd) };
};

function shuffled<T>(items: T[], seed: number) {
  const copy = [...items];
  let s = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe("recording a call from Vapi's messages", () => {
  it("builds the call: times, status, transcript, recording, analysis, cost, number, assistant, patient", async () => {
    const caller = "+14155552001";
    await t.db.patient.create({
      data: { clinicId: clinic.clinicId, firstName: "Ada", lastName: "Known", phone: caller },
    });
    const { call, number, assistant } = await callTo(caller);
    for (const message of messagesOf(call)) {
      expect(await recordCallEvent(deps(), await store(message))).toBe("recorded");
    }
    const row = await t.db.call.findUniqueOrThrow({ where: { vapiCallId: call.id }, include: { patient: true } });
    expect(row).toMatchObject({
      clinicId: clinic.clinicId,
      status: "ended",
      direction: "inbound",
      fromNumber: caller,
      toNumber: number.e164,
      startedAt: call.startedAt,
      durationSeconds: 95,
      endedReason: "customer-ended-call",
      summary: "The caller booked a cleaning.",
      structuredData: { appointmentType: "Cleaning" },
      successEvaluation: "true",
      recordingUrl: `https://storage.vapi.ai/${call.id}-mono.wav`,
      phoneNumberId: number.id,
      assistantId: assistant.id,
      patient: { firstName: "Ada", phone: caller },
      outcome: "information",
    });
    expect(Number(row.costUsd)).toBeCloseTo(0.1834);
    expect(row.messages).toHaveLength(4);
    expect(row.reportedAt).not.toBeNull();
    const pending = await t.db.webhookInboxEvent.count({
      where: { clinicId: clinic.clinicId, status: { not: "processed" } },
    });
    expect(pending).toBe(0);
  });

  it("ends up the same whatever the order, with duplicates, and when processed all at once", async () => {
    const results = [];
    for (const [i, arrange] of [
      (m: ReturnType<typeof messagesOf>) => m,
      (m: ReturnType<typeof messagesOf>) => [...m].reverse(),
      (m: ReturnType<typeof messagesOf>) => shuffled([...m, ...m], 7),
      (m: ReturnType<typeof messagesOf>) => shuffled(m, 42),
    ].entries()) {
      const { call } = await callTo(`+1415555210${i}`);
      // The same caller setup each time so the rows are comparable.
      const fixed = { ...call, startedAt: new Date("2026-11-20T15:00:00Z") };
      for (const message of arrange(messagesOf(fixed))) await recordCallEvent(deps(), await store(message));
      results.push(await comparable(fixed.id));
    }
    const { call } = await callTo("+14155552109");
    const fixed = { ...call, startedAt: new Date("2026-11-20T15:00:00Z") };
    const jobs = await Promise.all(messagesOf(fixed).map((m) => store(m)));
    await Promise.all(jobs.map((job) => recordCallEvent(deps(), job)));
    results.push(await comparable(fixed.id));

    const strip = (r: Awaited<ReturnType<typeof comparable>>) => ({
      ...r,
      fromNumber: null,
      toNumber: null,
      phoneNumberId: null,
      assistantId: null,
      transcript: null,
      recordingUrl: null,
      stereoRecordingUrl: null,
    });
    for (const r of results) expect(strip(r)).toEqual(strip(results[0] as Awaited<ReturnType<typeof comparable>>));
    expect(results[0]).toMatchObject({ status: "ended", durationSeconds: 95, outcome: "information" });
  });

  it("processes an event once: a redelivered job changes nothing", async () => {
    const { call } = await callTo("+14155552201");
    const job = await store(statusUpdate(call, "in-progress", 1));
    expect(await recordCallEvent(deps(), job)).toBe("recorded");
    expect(await recordCallEvent(deps(), job)).toBe("skipped");
    const event = await t.db.webhookInboxEvent.findUniqueOrThrow({ where: { id: job.eventId } });
    expect(event).toMatchObject({ status: "processed", attempts: 1 });
  });

  it("fills in a call the voice route opened already", async () => {
    const { call } = await callTo("+14155552301");
    await t.db.call.create({ data: { clinicId: clinic.clinicId, vapiCallId: call.id, status: "ringing" } });
    await recordCallEvent(deps(), await store(messagesOf(call).at(-1) as ReturnType<typeof endOfCallReport>));
    expect(await t.db.call.count({ where: { vapiCallId: call.id } })).toBe(1);
    expect(await t.db.call.findUniqueOrThrow({ where: { vapiCallId: call.id } })).toMatchObject({ status: "ended" });
  });

  it("links the booking made on the call and calls it booked; a cancellation on the call is 'cancelled'", async () => {
    const caller = "+14155552401";
    const { call } = await callTo(caller);
    await recordCallEvent(deps(), await store(statusUpdate(call, "in-progress", 1)));
    const opened = await t.db.call.findUniqueOrThrow({ where: { vapiCallId: call.id } });
    // A new patient booked by the agent on this call (no patient with this number before).
    const booked = await bookAppointment(clinic.db, agentOrigin(opened.id), {
      appointmentTypeId: clinic.typeId,
      providerId: clinic.providerId,
      startsAt: newYorkTime("2031-03-05", "10:00"),
      patient: { ...testPatient(41), phone: "+14155559941" },
    });
    await recordCallEvent(deps(), await store(messagesOf(call).at(-1) as ReturnType<typeof endOfCallReport>));
    const row = await t.db.call.findUniqueOrThrow({ where: { vapiCallId: call.id }, include: { appointments: true } });
    expect(row.outcome).toBe("booked");
    expect(row.askedToBook).toBe(true); // the denominator of booking conversion
    expect(row.appointments.map((a) => a.id)).toEqual([booked.id]);
    expect(row.patientId).toBe(booked.patient?.id);

    // Another call from that patient cancels it.
    const second = await callTo("+14155559941");
    await recordCallEvent(deps(), await store(statusUpdate(second.call, "in-progress", 1)));
    const secondRow = await t.db.call.findUniqueOrThrow({ where: { vapiCallId: second.call.id } });
    await cancelAppointment(clinic.db, agentOrigin(secondRow.id), { appointmentId: booked.id });
    await recordCallEvent(deps(), await store(messagesOf(second.call).at(-1) as ReturnType<typeof endOfCallReport>));
    expect(await t.db.call.findUniqueOrThrow({ where: { vapiCallId: second.call.id } })).toMatchObject({
      outcome: "cancelled",
      askedToBook: false,
      patientId: booked.patient?.id,
    });
  });

  it("skips a suspended clinic's messages and never applies one clinic's event as another's", async () => {
    const slug = `s-${randomBytes(4).toString("hex")}`;
    const other = await t.db.clinic.create({ data: { name: "Other", slug, timezone: "UTC" } });
    const { call } = await callTo("+14155552501", other.id);
    const job = await store(statusUpdate(call, "in-progress", 1), other.id);
    // The job names our clinic but the event is the other clinic's: nothing to see.
    expect(await recordCallEvent(deps(), { clinicId: clinic.clinicId, eventId: job.eventId })).toBe("skipped");
    expect(await t.db.call.count({ where: { vapiCallId: call.id } })).toBe(0);

    await t.db.clinic.update({ where: { id: other.id }, data: { status: "suspended" } });
    expect(await recordCallEvent(deps(), job)).toBe("skipped");
    expect(await t.db.call.count({ where: { vapiCallId: call.id } })).toBe(0);
    expect(await t.db.webhookInboxEvent.findUniqueOrThrow({ where: { id: job.eventId } })).toMatchObject({
      status: "processed",
      lastError: "skipped: the clinic is suspended",
    });
  });

  it("refuses a call id another clinic already has, and records why", async () => {
    const slug = `o-${randomBytes(4).toString("hex")}`;
    const other = await t.db.clinic.create({ data: { name: "Owner", slug, timezone: "UTC" } });
    const { call } = await callTo("+14155552601");
    await t.db.call.create({ data: { clinicId: other.id, vapiCallId: call.id, status: "ringing" } });
    const job = await store(statusUpdate(call, "in-progress", 1));
    await expect(recordCallEvent(deps(), job)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.call.findUniqueOrThrow({ where: { vapiCallId: call.id } })).toMatchObject({
      clinicId: other.id,
      status: "ringing",
    });
    expect(await t.db.webhookInboxEvent.findUniqueOrThrow({ where: { id: job.eventId } })).toMatchObject({
      status: "failed",
    });
  });
});

describe("reconciling calls whose report never came", () => {
  const token = randomUUID();
  let vapi: Awaited<ReturnType<typeof startVapiStub>>;
  beforeAll(async () => {
    vapi = await startVapiStub(token);
  });
  afterAll(() => vapi.close());

  it("fetches the ended call from Vapi and applies it like a report, once", async () => {
    const { call } = await callTo("+14155552701");
    await recordCallEvent(deps(), await store(statusUpdate(call, "in-progress", 1)));
    const lost = messagesOf(call).at(-1) as ReturnType<typeof endOfCallReport>;
    const m = lost.message;
    vapi.state.calls.set(call.id, {
      ...callObject(call),
      status: "ended",
      endedReason: m.endedReason,
      startedAt: m.startedAt,
      endedAt: m.endedAt,
      cost: m.cost,
      costs: m.costs,
      artifact: m.artifact,
      analysis: m.analysis,
      messages: m.artifact.messages,
      phoneNumber: { number: call.clinicNumber, twilioAuthToken: "secret-token-never-stored" },
    });
    const stillLive = await callTo("+14155552702");
    await recordCallEvent(deps(), await store(statusUpdate(stillLive.call, "in-progress", 1)));
    vapi.state.calls.set(stillLive.call.id, { ...callObject(stillLive.call), status: "in-progress" });
    const gone = await callTo("+14155552703");
    await recordCallEvent(deps(), await store(statusUpdate(gone.call, "in-progress", 1)));

    const client = createVapiClient({ token, baseUrl: vapi.url });
    // Too early: a report normally comes within a minute.
    expect(await reconcileCalls({ ...deps(), vapi: client })).toMatchObject({ checked: 0 });

    const later = new Date(Date.now() + RECONCILE_AFTER_MS + 60_000);
    const result = await reconcileCalls({ ...deps(), vapi: client }, { now: later });
    expect(result.completed).toBe(1);
    expect(result.notFound).toBeGreaterThanOrEqual(1);
    const row = await t.db.call.findUniqueOrThrow({ where: { vapiCallId: call.id } });
    expect(row).toMatchObject({
      status: "ended",
      durationSeconds: 95,
      summary: "The caller booked a cleaning.",
      outcome: "information",
    });
    expect(row.reportedAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain("secret-token-never-stored");
    expect(await t.db.call.findUniqueOrThrow({ where: { vapiCallId: stillLive.call.id } })).toMatchObject({
      status: "in-progress",
      reportedAt: null,
    });
    expect(vapi.state.requests).toContain(`GET /call/${call.id}`);

    // Asked once per interval: an immediate second run asks nothing.
    const asked = vapi.state.requests.length;
    expect(await reconcileCalls({ ...deps(), vapi: client }, { now: new Date(later.getTime() + 1000) })).toMatchObject({
      checked: 0,
    });
    expect(vapi.state.requests.length).toBe(asked);
  });

  it("does nothing without a Vapi key", async () => {
    expect(await reconcileCalls(deps(), { now: new Date(Date.now() + 86_400_000) })).toMatchObject({ checked: 0 });
  });
});

describe("the dashboard's calls", () => {
  it("lists calls newest first with filters and pages, and audits reading one", async () => {
    const { call, number } = await callTo("+14155552801");
    for (const message of messagesOf(call)) await recordCallEvent(deps(), await store(message));
    const row = await t.db.call.findUniqueOrThrow({ where: { vapiCallId: call.id } });

    const first = await listCalls(clinic.db, { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeDefined();
    const second = await listCalls(clinic.db, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((c) => c.id)).not.toContain(first.items[0]?.id);
    expect((first.items[0]?.id ?? "") > (second.items[0]?.id ?? "")).toBe(true);

    expect((await listCalls(clinic.db, { phoneNumberId: number.id })).items.map((c) => c.id)).toEqual([row.id]);
    expect((await listCalls(clinic.db, { outcome: "booked" })).items.every((c) => c.outcome === "booked")).toBe(true);
    expect((await listCalls(clinic.db, { from: new Date(Date.now() + 60_000) })).items).toEqual([]);

    const origin = staffOrigin();
    const detail = await getCall(clinic.db, origin, { callId: row.id });
    expect(detail).toMatchObject({ id: row.id, summary: "The caller booked a cleaning.", costUsd: 0.1834 });
    expect(detail.messages.map((m) => m.role)).toEqual(["assistant", "user", "assistant", "user"]);
    expect(
      await t.db.auditLog.count({
        where: { action: "call.view", targetId: row.id, actorUserId: (origin.actor as { userId: string }).userId },
      }),
    ).toBe(1);
    await expect(getCall(clinic.db, origin, { callId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
