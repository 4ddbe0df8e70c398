// POST /api/vapi/webhook as Vapi (and an attacker) would send it: the route's own handler with
// real Request objects, against a real migrated PostgreSQL. Authentication, size limits, the
// inbox, assistant-request, every tool with string and object arguments, idempotency under
// redelivery and concurrency, and the walls between callers and between clinics.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { setPhoneNumberActive } from "@frontdesk/core/phone-numbers";
import { createTenantClients, type TenantClients } from "@frontdesk/core/tenancy";
import { NO_SERVICE_MESSAGE, REDACTED, type VoiceDeps, voiceTools } from "@frontdesk/core/voice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { handleVapiWebhook, MAX_VAPI_BODY_BYTES } from "./vapi-webhook";

const SECRET = "vapi-webhook-secret-for-tests-0123456789";
const URL_ = "https://app.frontdesk.test/api/vapi/webhook";
// Tuesday 4 March 2031, 9:00 in Chicago (CST, UTC-6): the clinic is open 8 AM to 5 PM daily.
const NOW = new Date("2031-03-04T15:00:00Z");
const CALLER = "+14155550111";

const uniqueNumber = () => `+1555${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;

describe("POST /api/vapi/webhook", () => {
  const t = useTestDatabase();
  let tenants: TenantClients;
  let deps: VoiceDeps;

  beforeAll(() => {
    tenants = createTenantClients(t.url, { max: 6 });
    deps = { rootDb: t.db, tenants, webhookSecret: SECRET, webhookUrl: URL_, now: () => NOW };
  });
  afterAll(() => tenants.close());

  const request = (body: unknown, headers: Record<string, string> = { "x-vapi-secret": SECRET }) =>
    new Request(URL_, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const post = async (body: unknown, headers?: Record<string, string>) => {
    const response = await handleVapiWebhook(request(body, headers), deps);
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  async function clinicWithLine(
    options: { status?: "active" | "suspended"; numberStatus?: "active" | "pending" } = {},
  ) {
    const clinic = await t.db.clinic.create({
      data: {
        name: "Bright Smile Dental",
        slug: `voice-${randomBytes(4).toString("hex")}`,
        timezone: "America/Chicago",
        status: options.status ?? "active",
        phone: "+13125550100",
        addressLine1: "12 Lake St",
        city: "Chicago",
        region: "IL",
        postalCode: "60601",
      },
    });
    const clinicId = clinic.id;
    const provider = await t.db.provider.create({ data: { clinicId, name: "Dr. Priya Patel" } });
    const cleaning = await t.db.appointmentType.create({ data: { clinicId, name: "Cleaning", durationMinutes: 60 } });
    const checkup = await t.db.appointmentType.create({ data: { clinicId, name: "Checkup", durationMinutes: 30 } });
    await t.db.providerAppointmentType.createMany({
      data: [cleaning.id, checkup.id].map((appointmentTypeId) => ({
        clinicId,
        providerId: provider.id,
        appointmentTypeId,
      })),
    });
    await t.db.workingHours.createMany({
      data: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        clinicId,
        providerId: provider.id,
        weekday,
        startMinute: 480,
        endMinute: 1020,
      })),
    });
    const assistant = await t.db.assistant.create({
      data: {
        clinicId,
        name: "Front desk",
        systemPrompt: "You are the receptionist of {{clinicName}}.",
        firstMessage: "Thanks for calling {{clinicName}}!",
        transferNumber: "+13125550199",
      },
    });
    const e164 = uniqueNumber();
    const vapiPhoneNumberId = `pn-${randomUUID()}`;
    await t.db.phoneNumber.create({
      data: {
        clinicId,
        e164,
        source: "managed",
        status: options.numberStatus ?? "active",
        assistantId: assistant.id,
        vapiPhoneNumberId,
      },
    });
    return { clinicId, e164, vapiPhoneNumberId, providerId: provider.id, cleaning, checkup, assistant };
  }
  type ClinicLine = Awaited<ReturnType<typeof clinicWithLine>>;

  const callOf = (line: ClinicLine, vapiCallId = `call-${randomUUID()}`, caller = CALLER) => ({
    id: vapiCallId,
    orgId: "org-1",
    type: "inboundPhoneCall",
    phoneNumberId: line.vapiPhoneNumberId,
    customer: { number: caller },
  });
  const envelope = (line: ClinicLine, type: string, extra: Record<string, unknown> = {}, call = callOf(line)) => ({
    message: {
      type,
      timestamp: Date.now() + Math.random(),
      call,
      phoneNumber: { provider: "twilio", number: line.e164, twilioAccountSid: "AC1", twilioAuthToken: "tw-secret" },
      customer: { number: call.customer.number },
      ...extra,
    },
  });
  type Call = { name: string; args: unknown; id?: string };
  const toolMessage = (line: ClinicLine, calls: Call[], call = callOf(line)) =>
    envelope(
      line,
      "tool-calls",
      {
        toolCallList: calls.map((c) => ({
          id: c.id ?? `tc-${randomUUID()}`,
          type: "function",
          function: { name: c.name, arguments: c.args },
        })),
      },
      call,
    );
  async function tool(line: ClinicLine, name: string, args: unknown, call = callOf(line)) {
    const { status, json } = await post(toolMessage(line, [{ name, args }], call));
    expect(status).toBe(200);
    const [result] = json.results as { toolCallId: string; name: string; result?: string; error?: string }[];
    return result as { toolCallId: string; name: string; result?: string; error?: string };
  }
  const parsed = (r: { result?: string; error?: string }) => {
    if (r.error !== undefined) throw new Error(`tool error: ${r.error}`);
    expect(r.result).not.toContain("\n");
    return JSON.parse(r.result as string);
  };
  const inboxCount = () => t.db.webhookInboxEvent.count();

  describe("authentication and input", () => {
    it("refuses unsigned, wrong-secret, wrong-bearer and stale-HMAC requests with 401 and stores nothing", async () => {
      const line = await clinicWithLine();
      const body = JSON.stringify(envelope(line, "status-update", { status: "ringing" }));
      const before = await inboxCount();
      const stale = String(Math.floor(NOW.getTime() / 1000) - 600);
      const hmac = (ts: string, key = SECRET) => createHmac("sha256", key).update(`${ts}.${body}`).digest("hex");
      for (const headers of [
        {},
        { "x-vapi-secret": "wrong-secret-wrong-secret-wrong" },
        { "x-vapi-secret": `${SECRET}x` },
        { authorization: "Bearer not-the-secret" },
        { authorization: SECRET },
        { "x-timestamp": stale, "x-signature": hmac(stale) },
        { "x-timestamp": String(NOW.getTime()), "x-signature": hmac(String(NOW.getTime()), "other-key") },
        { "x-signature": hmac("") },
      ] as Record<string, string>[]) {
        const { status, json } = await post(body, headers);
        expect(status, JSON.stringify(headers)).toBe(401);
        expect(json.error).toContain("invalid Vapi credentials");
      }
      expect(await inboxCount()).toBe(before);
    });

    it("accepts the secret header, a bearer credential and a fresh HMAC over the raw body", async () => {
      const line = await clinicWithLine();
      const body = (n: number) => JSON.stringify(envelope(line, "status-update", { status: "ringing", n }));
      const seconds = String(Math.floor(NOW.getTime() / 1000) - 30);
      const signed = body(3);
      const raw = `${signed.slice(0, -1)} ,"spaced" : true }`; // bytes that re-serialising would change
      const sign = (text: string, ts: string) => createHmac("sha256", SECRET).update(`${ts}.${text}`).digest("hex");
      expect((await post(body(1), { "x-vapi-secret": SECRET })).status).toBe(200);
      expect((await post(body(2), { authorization: `Bearer ${SECRET}` })).status).toBe(200);
      expect((await post(raw, { "x-timestamp": seconds, "x-signature": sign(raw, seconds) })).status).toBe(200);
      const ms = String(NOW.getTime());
      const fourth = body(4);
      expect((await post(fourth, { "x-timestamp": ms, "x-signature": sign(fourth, ms) })).status).toBe(200);
      // A signature is over these exact bytes: the same JSON with other spacing does not pass.
      expect((await post(signed, { "x-timestamp": seconds, "x-signature": sign(raw, seconds) })).status).toBe(401);
      expect(await t.db.webhookInboxEvent.count({ where: { clinicId: line.clinicId } })).toBe(4);
    });

    it("answers malformed, shapeless and oversized bodies with a 4xx and a reason, storing nothing", async () => {
      const line = await clinicWithLine();
      const before = await inboxCount();
      for (const [body, reason] of [
        ["{not json", "not valid JSON"],
        ["", "not valid JSON"],
        [{ hello: "world" }, "expected a Vapi server message"],
        [{ message: { call: { id: "x" } } }, "expected a Vapi server message"],
        [{ message: { type: "" } }, "expected a Vapi server message"],
        [{ message: { type: 42 } }, "expected a Vapi server message"],
        [[1, 2], "expected a Vapi server message"],
        ["null", "expected a Vapi server message"],
      ] as const) {
        const { status, json } = await post(body);
        expect(status, String(body)).toBe(400);
        expect(json.error).toContain(reason);
      }
      const huge = JSON.stringify(envelope(line, "conversation-update", { padding: "x".repeat(MAX_VAPI_BODY_BYTES) }));
      const tooBig = await post(huge);
      expect(tooBig.status).toBe(413);
      // Unsigned and oversized: still refused before anything is read.
      expect((await post(huge, {})).status).toBe(413);
      expect(await inboxCount()).toBe(before);
    });
  });

  describe("informational messages", () => {
    it("stores each one redacted with a job in the same transaction; a redelivery is a no-op", async () => {
      const line = await clinicWithLine();
      const message = envelope(line, "end-of-call-report", {
        endedReason: "customer-ended-call",
        analysis: { summary: "Booked a cleaning." },
        artifact: { transcript: "AI: Hello", messages: [] },
        costs: [{ type: "model", promptTokens: 120, completionTokens: 30 }],
        assistant: { server: { url: URL_, headers: { "X-Vapi-Secret": SECRET } }, credentials: [{ apiKey: "k" }] },
      });
      const body = JSON.stringify(message);
      const [first, again] = await Promise.all([post(body), post(body)]);
      expect([first.status, again.status]).toEqual([200, 200]);
      expect((await post(body)).status).toBe(200);
      const rows = await t.db.webhookInboxEvent.findMany({ where: { clinicId: line.clinicId } });
      expect(rows).toHaveLength(1);
      const row = rows[0] as (typeof rows)[number];
      expect(row).toMatchObject({ source: "vapi", eventType: "end-of-call-report", status: "pending" });
      expect(row.dedupeKey.startsWith(`${line.clinicId}:`)).toBe(true);
      const stored = JSON.stringify(row.payload);
      expect(stored).not.toContain(SECRET);
      expect(stored).not.toContain("tw-secret");
      expect(stored).toContain(REDACTED);
      expect(stored).toContain('"promptTokens":120'); // token counts are not secrets
      expect(stored).toContain("Booked a cleaning.");
      const jobs = await t.db.$queryRaw<{ payload: { clinicId: string; eventId: string } }[]>`
        SELECT j.payload FROM graphile_worker._private_jobs j
          JOIN graphile_worker._private_tasks k ON k.id = j.task_id
         WHERE k.identifier = 'vapi:process-event' AND j.payload->>'eventId' = ${row.id}`;
      expect(jobs.map((j) => j.payload)).toEqual([{ clinicId: line.clinicId, eventId: row.id }]);
    });

    it("stores unknown and out-of-order types the same way, and keeps an unknown number's events unattributed", async () => {
      const line = await clinicWithLine();
      const call = callOf(line);
      for (const type of [
        "end-of-call-report",
        'transcript[transcriptType="final"]',
        "status-update",
        "speech-update",
        "hang",
        "something-new",
      ]) {
        expect((await post(envelope(line, type, {}, call))).status).toBe(200);
      }
      const types = await t.db.webhookInboxEvent.findMany({
        where: { clinicId: line.clinicId },
        select: { eventType: true },
      });
      expect(types.map((r) => r.eventType).sort()).toEqual([
        "end-of-call-report",
        "hang",
        "something-new",
        "speech-update",
        "status-update",
        'transcript[transcriptType="final"]',
      ]);
      const stranger = { ...line, e164: uniqueNumber(), vapiPhoneNumberId: "pn-unknown" };
      const orphan = await post(envelope(stranger, "status-update", { status: "ended" }));
      expect(orphan.status).toBe(200);
      const kept = await t.db.webhookInboxEvent.findFirst({
        where: { clinicId: null, dedupeKey: { contains: "status-update" } },
        orderBy: { receivedAt: "desc" },
      });
      expect(kept).toMatchObject({ status: "failed", lastError: "no clinic owns the called number" });
    });
    it("never answers 500 to what a sender can send: NUL characters and oversized ids", async () => {
      const line = await clinicWithLine();
      const call = callOf(line, `call-${randomUUID()}`);
      const nul = envelope(line, "transcript", { transcript: "hello\u0000there", "we\u0000ird": 1 }, call);
      expect((await post(nul)).status).toBe(200);
      const stored = await t.db.webhookInboxEvent.findFirstOrThrow({
        where: { clinicId: line.clinicId, eventType: "transcript" },
      });
      expect(JSON.stringify(stored.payload)).toContain("hellothere");
      const toolNul = await post(
        toolMessage(line, [{ name: "checkAvailability", args: { providerName: "Dr.\u0000X" } }]),
      );
      expect(toolNul.status).toBe(200);
      const assistantNul = envelope(
        line,
        "assistant-request",
        {},
        { ...callOf(line), customer: { number: "+1\u0000" } },
      );
      expect((await post(assistantNul)).status).toBe(200);
      const longId = await post(envelope(line, "status-update", {}, callOf(line, "c".repeat(5000))));
      expect(longId.status).toBe(400);
      const longTool = await post(toolMessage(line, [{ id: "t".repeat(5000), name: "getClinicInfo", args: {} }]));
      expect(longTool).toEqual({ status: 200, json: { results: [] } });
    });
  });

  describe("assistant-request", () => {
    it("answers with the full transient assistant and today's variables, and opens the call", async () => {
      const line = await clinicWithLine();
      const call = callOf(line);
      const { status, json } = await post(envelope(line, "assistant-request", {}, call));
      expect(status).toBe(200);
      const assistant = json.assistant as {
        firstMessage: string;
        model: { messages: { content: string }[]; tools: { function: { name: string } }[] };
        server: unknown;
        voice: unknown;
      };
      expect(assistant.firstMessage).toBe("Thanks for calling {{clinicName}}!");
      expect(assistant.model.messages[0]?.content).toContain("You are the receptionist of {{clinicName}}.");
      expect(assistant.model.tools.map((tool) => tool.function.name)).toEqual([
        "checkAvailability",
        "bookAppointment",
        "findMyAppointments",
        "cancelAppointment",
        "rescheduleAppointment",
        "getClinicInfo",
        "transferToHuman",
      ]);
      expect(assistant.server).toEqual({ url: URL_, headers: { "X-Vapi-Secret": SECRET } });
      expect(assistant.voice).toEqual({ provider: "vapi", voiceId: "Elliot" });
      expect(json.assistantOverrides).toEqual({
        variableValues: {
          clinicName: "Bright Smile Dental",
          today: "2031-03-04",
          weekday: "Tuesday",
          timezone: "America/Chicago",
          openingHours: "Monday to Sunday 8 AM to 5 PM",
          address: "12 Lake St, Chicago, IL 60601",
          clinicPhone: "+13125550100",
        },
      });
      const opened = await t.db.call.findUniqueOrThrow({ where: { vapiCallId: call.id } });
      expect(opened).toMatchObject({
        clinicId: line.clinicId,
        assistantId: line.assistant.id,
        fromNumber: CALLER,
        toNumber: line.e164,
        direction: "inbound",
      });
      // A repeat of the request (Vapi retrying setup) opens no second call.
      expect((await post(envelope(line, "assistant-request", {}, call))).status).toBe(200);
      expect(await t.db.call.count({ where: { vapiCallId: call.id } })).toBe(1);
    });

    it("answers with the synced assistant's id; by Vapi's phone-number id when the number is missing", async () => {
      const line = await clinicWithLine();
      await t.db.assistant.update({
        where: { id: line.assistant.id },
        data: { vapiAssistantId: `asst-${randomUUID()}`, syncStatus: "synced" },
      });
      const message = envelope(line, "assistant-request") as { message: Record<string, unknown> };
      delete message.message.phoneNumber;
      const { json } = await post(message);
      const synced = await t.db.assistant.findUniqueOrThrow({ where: { id: line.assistant.id } });
      expect(json.assistantId).toBe(synced.vapiAssistantId);
      expect(json.assistant).toBeUndefined();
    });

    it("answers a number the clinic deactivated with the spoken error, and takes calls again once reactivated", async () => {
      const line = await clinicWithLine();
      const db = tenants.forTenant(line.clinicId);
      const [row] = await db.phoneNumber.findMany({ select: { id: true } });
      const origin = { actor: { type: "system" as const }, ip: null };
      await setPhoneNumberActive(db, origin, { phoneNumberId: row?.id as string, active: false });
      const off = callOf(line);
      expect((await post(envelope(line, "assistant-request", {}, off))).json).toEqual({ error: NO_SERVICE_MESSAGE });
      expect(await t.db.call.count({ where: { vapiCallId: off.id } })).toBe(0);

      await setPhoneNumberActive(db, origin, { phoneNumberId: row?.id as string, active: true });
      const on = await post(envelope(line, "assistant-request"));
      expect(on.json.error).toBeUndefined();
      expect(on.json.assistant).toMatchObject({ name: "Front desk" });
    });

    it("speaks a polite error for an unknown number, an inactive number and a suspended or deleted clinic", async () => {
      const suspended = await clinicWithLine({ status: "suspended" });
      const inactive = await clinicWithLine({ numberStatus: "pending" });
      const deleted = await clinicWithLine();
      await t.db.clinic.update({ where: { id: deleted.clinicId }, data: { status: "deleted", deletedAt: NOW } });
      const unknown = { ...deleted, e164: uniqueNumber(), vapiPhoneNumberId: "pn-nobody" };
      for (const line of [suspended, inactive, deleted, unknown]) {
        const call = callOf(line);
        const { status, json } = await post(envelope(line, "assistant-request", {}, call));
        expect(status).toBe(200);
        expect(json).toEqual({ error: NO_SERVICE_MESSAGE });
        expect(await t.db.call.count({ where: { vapiCallId: call.id } })).toBe(0);
        const tools = await post(toolMessage(line, [{ name: "getClinicInfo", args: {} }], call));
        expect((tools.json.results as { error?: string }[])[0]?.error).toContain("not in service");
      }
    });
  });

  describe("tools", () => {
    it("defines every tool once with a JSON schema Vapi can take", () => {
      const book = voiceTools.find((tool) => tool.function.name === "bookAppointment");
      if (!book) throw new Error("no bookAppointment tool");
      expect(book.function.parameters).toMatchObject({
        type: "object",
        required: ["startsAt", "appointmentType", "patientName"],
      });
      expect(Object.keys((book.function.parameters as { properties: object }).properties)).toEqual([
        "startsAt",
        "appointmentType",
        "providerName",
        "patientName",
        "patientPhone",
        "dateOfBirth",
        "notes",
      ]);
      for (const tool of voiceTools) expect(tool.function.description.length).toBeGreaterThan(60);
    });

    it("checkAvailability offers open slots near the asked day, with JSON-string or object arguments", async () => {
      const line = await clinicWithLine();
      for (const args of [
        { date: "2031-03-05", appointmentType: "cleaning", partOfDay: "afternoon" },
        JSON.stringify({ date: "2031-03-05", appointmentType: "cleaning", partOfDay: "afternoon" }),
      ]) {
        const answer = parsed(await tool(line, "checkAvailability", args));
        expect(answer.slots[0]).toEqual({
          startsAt: "2031-03-05T12:00:00-06:00",
          provider: "Dr. Priya Patel",
          appointmentType: "Cleaning",
          spoken: "Wednesday the 5th at noon with Dr. Priya Patel",
        });
        expect(answer.slots).toHaveLength(5);
        expect(answer.say).toContain("Wednesday the 5th at noon");
      }
      // No day given: today, after the minimum notice (two hours from 9 AM).
      const today = parsed(await tool(line, "checkAvailability", { appointmentType: "Checkup" }));
      expect(today.slots[0].startsAt).toBe("2031-03-04T11:00:00-06:00");
      const unknownType = await tool(line, "checkAvailability", { appointmentType: "tattoo removal" });
      expect(unknownType.error).toContain("it offers Checkup (30 minutes), Cleaning (60 minutes)");
      const ask = await tool(line, "checkAvailability", {});
      expect(ask.error).toContain("ask what kind of visit");
    });

    it("books, lists, moves and cancels through the dashboard's core, as the voice agent on this call", async () => {
      const line = await clinicWithLine();
      const call = callOf(line);
      const booked = parsed(
        await tool(
          line,
          "bookAppointment",
          JSON.stringify({
            startsAt: "2031-03-05T10:00:00-06:00",
            appointmentType: "cleaning",
            patientName: "Ana Lima",
          }),
          call,
        ),
      );
      expect(booked).toMatchObject({ startsAt: "2031-03-05T10:00:00-06:00", provider: "Dr. Priya Patel" });
      expect(booked.say).toContain("Ana is booked for a Cleaning on Wednesday the 5th at 10 AM");
      const appointment = await t.db.appointment.findUniqueOrThrow({
        where: { id: booked.appointmentId },
        include: { patient: true, call: true, smsMessages: true },
      });
      expect(appointment).toMatchObject({ status: "booked", source: "agent", clinicId: line.clinicId });
      expect(appointment.patient).toMatchObject({ firstName: "Ana", lastName: "Lima", phone: CALLER });
      expect(appointment.call?.vapiCallId).toBe(call.id);
      expect(appointment.smsMessages.map((m) => m.kind)).toContain("confirmation");
      const audit = await t.db.auditLog.findFirstOrThrow({
        where: { targetId: appointment.id, action: "appointment.book" },
      });
      expect(audit).toMatchObject({ actorType: "voice_agent", metadata: { callId: appointment.callId } });

      // Object arguments, with the phone given in words and a date of birth.
      const other = parsed(
        await tool(
          line,
          "bookAppointment",
          {
            startsAt: "2031-03-06T09:00",
            appointmentType: "Checkup",
            providerName: "Dr. Patel",
            patientName: "Rui Lima",
            patientPhone: "(415) 555-0112",
            dateOfBirth: "1990-02-03",
          },
          call,
        ),
      );
      expect(other.startsAt).toBe("2031-03-06T09:00:00-06:00");

      // On the same call both are the caller's to see; from another call only the caller's own.
      const mine = parsed(await tool(line, "findMyAppointments", "{}", call));
      expect(mine.appointments.map((a: { appointmentId: string }) => a.appointmentId)).toEqual([
        booked.appointmentId,
        other.appointmentId,
      ]);
      const later = parsed(await tool(line, "findMyAppointments", {}));
      expect(later.appointments.map((a: { appointmentId: string }) => a.appointmentId)).toEqual([booked.appointmentId]);

      const moved = parsed(
        await tool(line, "rescheduleAppointment", {
          appointmentId: booked.appointmentId,
          startsAt: "2031-03-07T14:00:00-06:00",
        }),
      );
      expect(moved.spoken).toBe("Friday the 7th at 2 PM with Dr. Priya Patel");
      const newRow = await t.db.appointment.findUniqueOrThrow({ where: { id: moved.appointmentId } });
      expect(newRow).toMatchObject({ rescheduledFromId: booked.appointmentId, status: "booked" });
      const cancelled = parsed(
        await tool(line, "cancelAppointment", JSON.stringify({ appointmentId: moved.appointmentId, reason: "travel" })),
      );
      expect(cancelled).toMatchObject({ cancelled: true });
      expect(await t.db.appointment.findUniqueOrThrow({ where: { id: moved.appointmentId } })).toMatchObject({
        status: "cancelled",
        cancelReason: "travel",
      });
      const actions = await t.db.auditLog.findMany({
        where: { clinicId: line.clinicId, actorType: "voice_agent" },
        select: { action: true },
      });
      expect(actions.map((a) => a.action).sort()).toEqual([
        "appointment.book",
        "appointment.book",
        "appointment.cancel",
        "appointment.reschedule",
      ]);
    });

    it("turns a taken time into words with the nearest open times", async () => {
      const line = await clinicWithLine();
      const args = { startsAt: "2031-03-05T10:00:00-06:00", appointmentType: "Cleaning", patientName: "First Caller" };
      parsed(await tool(line, "bookAppointment", args));
      const taken = await tool(
        line,
        "bookAppointment",
        { ...args, patientName: "Second Caller" },
        callOf(line, undefined, "+14155550199"),
      );
      expect(taken.error).toMatch(/^that time was just taken; the nearest open times are .*startsAt 2031-03-05T/);
      expect(taken.error).not.toContain("\n");
      const named = await tool(line, "bookAppointment", {
        ...args,
        providerName: "Patel",
        patientName: "Third Caller",
      });
      expect(named.error).toContain("that time was just taken");
    });

    it("answers getClinicInfo and transferToHuman, and the transfer-destination-request", async () => {
      const line = await clinicWithLine();
      const info = parsed(await tool(line, "getClinicInfo", "{}"));
      expect(info).toMatchObject({
        name: "Bright Smile Dental",
        openingHours: "Monday to Sunday 8 AM to 5 PM",
        address: "12 Lake St, Chicago, IL 60601",
        appointmentTypes: [
          { name: "Checkup", minutes: 30 },
          { name: "Cleaning", minutes: 60 },
        ],
      });
      expect(parsed(await tool(line, "transferToHuman", JSON.stringify({ reason: "billing" })))).toMatchObject({
        transfer: true,
        number: "+13125550199",
      });
      const destination = await post(envelope(line, "transfer-destination-request"));
      expect(destination.json).toMatchObject({ destination: { type: "number", number: "+13125550199" } });
      // At night: take a message instead.
      const night = { ...deps, now: () => new Date("2031-03-05T04:00:00Z") };
      const closed = await handleVapiWebhook(
        request(toolMessage(line, [{ name: "transferToHuman", args: {} }])),
        night,
      );
      const [answer] = ((await closed.json()) as { results: { result: string }[] }).results;
      expect(JSON.parse(answer?.result as string)).toMatchObject({ transfer: false });
      expect(JSON.parse(answer?.result as string).say).toContain("take a message");
      const nightDestination = await handleVapiWebhook(request(envelope(line, "transfer-destination-request")), night);
      expect(((await nightDestination.json()) as { error: string }).error).toContain("take a message");
    });

    it("answers several calls in order, and an unknown tool or bad arguments with an error result", async () => {
      const line = await clinicWithLine();
      const { status, json } = await post(
        toolMessage(line, [
          { name: "getClinicInfo", args: {}, id: "a" },
          { name: "launchRockets", args: {}, id: "b" },
          { name: "bookAppointment", args: "{not json", id: "c" },
          { name: "bookAppointment", args: { startsAt: "tomorrow" }, id: "d" },
          { name: "cancelAppointment", args: { appointmentId: "not-an-id" }, id: "e" },
        ]),
      );
      expect(status).toBe(200);
      const results = json.results as { toolCallId: string; name: string; result?: string; error?: string }[];
      expect(results.map((r) => r.toolCallId)).toEqual(["a", "b", "c", "d", "e"]);
      expect(results[0]?.result).toContain("Bright Smile Dental");
      expect(results[1]).toEqual({
        toolCallId: "b",
        name: "launchRockets",
        error: 'there is no tool called "launchRockets"',
      });
      expect(results[2]?.error).toContain("not valid JSON");
      expect(results[3]?.error).toMatch(/^invalid arguments for bookAppointment: startsAt: use an ISO-8601 time/);
      expect(results[3]?.error).toContain("patientName");
      expect(results[4]?.error).toContain("could not find that appointment");
      // Vapi's other shapes: flat name/arguments, and tool calls only in toolWithToolCallList.
      const flat = await post(
        envelope(line, "tool-calls", {
          toolWithToolCallList: [{ type: "function", toolCall: { id: "f", name: "getClinicInfo", arguments: {} } }],
        }),
      );
      expect((flat.json.results as { toolCallId: string; result: string }[])[0]?.toolCallId).toBe("f");
    });
  });

  describe("idempotency", () => {
    it("books once for a redelivered and for a concurrently duplicated bookAppointment", async () => {
      const line = await clinicWithLine();
      const call = callOf(line);
      const message = (id: string, startsAt: string) =>
        toolMessage(
          line,
          [{ id, name: "bookAppointment", args: { startsAt, appointmentType: "Checkup", patientName: "Ana Lima" } }],
          call,
        );
      const first = await post(message("tc-redelivered", "2031-03-05T13:00:00-06:00"));
      const again = await post(message("tc-redelivered", "2031-03-05T13:00:00-06:00"));
      expect(again.json).toEqual(first.json);

      const concurrent = message("tc-concurrent", "2031-03-05T15:00:00-06:00");
      const answers = await Promise.all([post(concurrent), post(concurrent), post(concurrent)]);
      const [one, two, three] = answers.map((a) => a.json) as [Record<string, unknown>, unknown, unknown];
      expect(two).toEqual(one);
      expect(three).toEqual(one);
      expect((one.results as { result?: string }[])[0]?.result).toContain("appointmentId");

      const rows = await t.db.appointment.findMany({
        where: { clinicId: line.clinicId },
        include: { smsMessages: true },
      });
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row.smsMessages.filter((m) => m.kind === "confirmation")).toHaveLength(1);
      expect(await t.db.auditLog.count({ where: { clinicId: line.clinicId, action: "appointment.book" } })).toBe(2);
    });

    it("takes over a claim whose first delivery died mid-answer, without booking twice", async () => {
      const line = await clinicWithLine();
      const call = callOf(line);
      const book = (id: string, startsAt: string) =>
        post(
          toolMessage(
            line,
            [{ id, name: "bookAppointment", args: { startsAt, appointmentType: "Checkup", patientName: "Ana Lima" } }],
            call,
          ),
        );
      // Died after booking, before storing its answer; and died before booking anything.
      const first = await book("tc-died-after", "2031-03-05T13:00:00-06:00");
      const abandon = (key: string) => t.db.$executeRaw`
        INSERT INTO idempotency_keys (id, "clinicId", scope, key, "requestHash", response, "expiresAt", "createdAt")
        VALUES (gen_random_uuid(), ${line.clinicId}::uuid, 'vapi.tool-call', ${key}, 'h', '{"pending": true}',
                now() + interval '1 day', now() - interval '2 minutes')
        ON CONFLICT ("clinicId", scope, key) DO UPDATE SET response = excluded.response, "createdAt" = excluded."createdAt"`;
      await abandon("tc-died-after");
      await abandon("tc-died-before");

      const again = await book("tc-died-after", "2031-03-05T13:00:00-06:00");
      expect(again.json).toEqual(first.json);
      const { results } = (await book("tc-died-before", "2031-03-05T15:00:00-06:00")).json as {
        results: { result?: string; error?: string }[];
      };
      const fresh = parsed(results[0] as { result?: string });
      expect(fresh.appointmentId).toEqual(expect.any(String));

      const rows = await t.db.appointment.findMany({
        where: { clinicId: line.clinicId },
        include: { smsMessages: true },
      });
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row.smsMessages.filter((m) => m.kind === "confirmation")).toHaveLength(1);

      // A cancel that died after cancelling: the takeover answers cancelled, and texts once.
      const cancel = toolMessage(
        line,
        [{ id: "tc-cancel-died", name: "cancelAppointment", args: { appointmentId: fresh.appointmentId } }],
        call,
      );
      const cancelled = await post(cancel);
      await abandon("tc-cancel-died");
      expect((await post(cancel)).json).toEqual(cancelled.json);
      const texts = await t.db.smsMessage.count({
        where: { appointmentId: fresh.appointmentId, kind: "cancellation" },
      });
      expect(texts).toBe(1);
    });

    it("cancels once and repeats the first answer for a redelivered cancel", async () => {
      const line = await clinicWithLine();
      const booked = parsed(
        await tool(line, "bookAppointment", {
          startsAt: "2031-03-06T10:00:00-06:00",
          appointmentType: "Checkup",
          patientName: "Ana Lima",
        }),
      );
      const cancel = toolMessage(line, [
        { id: "tc-cancel", name: "cancelAppointment", args: { appointmentId: booked.appointmentId } },
      ]);
      const [a, b] = await Promise.all([post(cancel), post(cancel)]);
      expect(b.json).toEqual(a.json);
      const texts = await t.db.smsMessage.count({
        where: { appointmentId: booked.appointmentId, kind: "cancellation" },
      });
      expect(texts).toBe(1);
    });
  });

  describe("the caller is the patient", () => {
    it("does not find, move or cancel another patient's or another clinic's appointment", async () => {
      const line = await clinicWithLine();
      const otherClinic = await clinicWithLine();
      const theirs = parsed(
        await tool(
          line,
          "bookAppointment",
          { startsAt: "2031-03-05T09:00:00-06:00", appointmentType: "Checkup", patientName: "Other Patient" },
          callOf(line, undefined, "+14155550222"),
        ),
      );
      const elsewhere = parsed(
        await tool(otherClinic, "bookAppointment", {
          startsAt: "2031-03-05T09:00:00-06:00",
          appointmentType: "Checkup",
          patientName: "Same Caller",
        }),
      );
      for (const appointmentId of [theirs.appointmentId, elsewhere.appointmentId]) {
        const cancel = await tool(line, "cancelAppointment", { appointmentId });
        expect(cancel.error).toContain("could not find that appointment");
        const move = await tool(line, "rescheduleAppointment", {
          appointmentId,
          startsAt: "2031-03-08T09:00:00-06:00",
        });
        expect(move.error).toContain("could not find that appointment");
      }
      const mine = parsed(await tool(line, "findMyAppointments", {}));
      expect(mine.appointments).toEqual([]);
      const still = await t.db.appointment.findMany({
        where: { id: { in: [theirs.appointmentId, elsewhere.appointmentId] } },
        select: { status: true },
      });
      expect(still.map((s) => s.status)).toEqual(["booked", "booked"]);
    });
  });
});
