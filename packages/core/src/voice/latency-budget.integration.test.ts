// A voice call waits in silence while Frontdesk answers, so each hot path has a budget of
// database statements. Counted at the driver: every statement pg sends, BEGIN and COMMIT
// included; the tenant pool's clinic switch is left out, as it depends only on which pooled
// connection a statement lands on. Behaviour is checked beside the count, so a budget cannot
// be met by answering less.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { createTenantClients, type TenantClients } from "../tenancy";
import type { VoiceDeps } from "./deps";
import { receiveVapiMessage } from "./receive-vapi-message";

let statements = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string } | undefined;
  const text = typeof first === "string" ? first : (first?.text ?? "");
  if (!text.includes("set_config('app.clinic_id'")) statements += 1;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

const SECRET = "latency-budget-secret-0123456789abcdef";
// Tuesday 4 March 2031, 9:00 in Chicago.
const NOW = new Date("2031-03-04T15:00:00Z");
const NUMBER = "+15555550177";
const CALLER = "+14155550177";

describe("database statements per voice answer", () => {
  const t = useTestDatabase();
  let tenants: TenantClients;
  let deps: VoiceDeps;

  beforeAll(async () => {
    tenants = createTenantClients(t.url, { max: 4 });
    deps = { rootDb: t.db, tenants, webhookSecret: SECRET, webhookUrl: "https://frontdesk.test/api/vapi/webhook" };
    deps.now = () => NOW;
    const clinic = await t.db.clinic.create({
      data: { name: "Budget Dental", slug: `budget-${randomUUID()}`, timezone: "America/Chicago", minNoticeMinutes: 0 },
    });
    const clinicId = clinic.id;
    const provider = await t.db.provider.create({ data: { clinicId, name: "Dr. Lee" } });
    const type = await t.db.appointmentType.create({ data: { clinicId, name: "Cleaning", durationMinutes: 30 } });
    await t.db.providerAppointmentType.create({
      data: { clinicId, providerId: provider.id, appointmentTypeId: type.id },
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
    await t.db.phoneNumber.create({ data: { clinicId, e164: NUMBER, source: "managed", status: "active" } });
    // The tenant pool reads its clinic-proof key once, on first use: not part of any answer.
    await tenants.forTenant(clinicId).clinic.findFirst({ select: { id: true } });
  });
  afterAll(() => tenants.close());

  async function send(type: string, extra: Record<string, unknown> = {}) {
    const rawBody = JSON.stringify({
      message: {
        type,
        call: { id: `call-${randomUUID()}`, customer: { number: CALLER } },
        phoneNumber: { number: NUMBER },
        customer: { number: CALLER },
        ...extra,
      },
    });
    const before = statements;
    const reply = await receiveVapiMessage(deps, { headers: new Headers({ "x-vapi-secret": SECRET }), rawBody });
    return { body: reply.body as Record<string, unknown>, statements: statements - before };
  }
  const tool = async (name: string, args: object) => {
    const sent = await send("tool-calls", {
      toolCallList: [{ id: `tc-${randomUUID()}`, type: "function", function: { name, arguments: args } }],
    });
    const [result] = sent.body.results as { result?: string; error?: string }[];
    if (!result?.result) throw new Error(`tool error: ${result?.error}`);
    return { answer: JSON.parse(result.result), statements: sent.statements };
  };

  it("assistant-request: the line and the call row", async () => {
    const { body, statements } = await send("assistant-request");
    expect(body.assistant).toMatchObject({ firstMessage: expect.any(String) });
    expect(statements).toBeLessThanOrEqual(2);
  });

  it("status-update: who owns the line, then the event and its job in one statement", async () => {
    const { body, statements } = await send("status-update", { status: "in-progress" });
    expect(body).toEqual({ received: true });
    const [event] = await t.db.webhookInboxEvent.findMany({ where: { eventType: "status-update" } });
    const jobs = await t.db.$queryRaw<{ payload: { eventId: string } }[]>`
      SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'vapi:process-event'`;
    expect(jobs.map((j) => j.payload.eventId)).toEqual([event?.id]);
    expect(statements).toBeLessThanOrEqual(2);
  });

  it("checkAvailability: the line, one availability statement and the answer's record", async () => {
    const { answer, statements } = await tool("checkAvailability", { date: "2031-03-05", appointmentType: "cleaning" });
    expect(answer.slots[0]).toMatchObject({ startsAt: "2031-03-05T08:00:00-06:00", provider: "Dr. Lee" });
    expect(statements).toBeLessThanOrEqual(3);
  });

  it("bookAppointment: the booking, its texts, their jobs and its audit row in one statement, and little else", async () => {
    const { answer, statements } = await tool("bookAppointment", {
      startsAt: "2031-03-06T09:00:00-06:00",
      appointmentType: "Cleaning",
      providerName: "Dr. Lee",
      patientName: "Ada Budget",
    });
    const appointment = await t.db.appointment.findUniqueOrThrow({
      where: { id: answer.appointmentId },
      select: { status: true, smsMessages: { select: { kind: true } } },
    });
    expect(appointment.status).toBe("booked");
    expect(appointment.smsMessages.map((m) => m.kind).sort()).toEqual(["confirmation", "reminder"]);
    expect(await t.db.auditLog.count({ where: { action: "appointment.book", targetId: answer.appointmentId } })).toBe(
      1,
    );
    // The line, the tool call's claim, the call row, what the booking checks, the availability
    // check, the booking's one statement, and the tool call's answer.
    expect(statements).toBeLessThanOrEqual(7);
  });
});
