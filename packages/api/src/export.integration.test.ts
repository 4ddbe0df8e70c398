// CSV exports over the real handler the web app mounts at /api/export/[kind]: only the clinic's
// rows, cells a spreadsheet cannot run, an audit row per export, refusals for anyone else, and
// rows read page by page while the response is already going out.
import { randomUUID } from "node:crypto";
import { CLINIC_HEADER, handleExportRequest } from "@frontdesk/api";
import { beforeAll, describe, expect, it } from "vitest";
import { newClinic, useServices } from "../../../test/api";
import { useTestDatabase } from "../../../test/database";
import { fillSchedule } from "../../../test/fixtures";

describe("CSV export", () => {
  const t = useTestDatabase();
  const services = useServices(t);
  let clinic: Awaited<ReturnType<typeof newClinic>>;
  let other: Awaited<ReturnType<typeof newClinic>>;

  const range = "from=2026-11-16&to=2026-11-22";
  const request = (kind: string, as: { userId?: string; clinicId?: string; key?: string }, query = range) =>
    handleExportRequest(
      new Request(`http://frontdesk.test/api/export/${kind}?${query}`, {
        headers: {
          ...(as.clinicId ? { [CLINIC_HEADER]: as.clinicId } : {}),
          ...(as.key ? { authorization: `Bearer ${as.key}` } : {}),
        },
      }),
      services(),
      async () => as.userId ?? null,
      kind,
    );
  const call = (clinicId: string, startedAt: string, summary: string) =>
    t.db.call.create({
      data: {
        clinicId,
        vapiCallId: `call-${randomUUID()}`,
        status: "ended",
        startedAt: new Date(startedAt),
        fromNumber: "+12025550123",
        outcome: "information",
        durationSeconds: 61,
        costUsd: "0.1200",
        summary,
      },
    });

  beforeAll(async () => {
    clinic = await newClinic(services(), "Export");
    other = await newClinic(services(), "Elsewhere");
    await t.db.clinic.update({ where: { id: clinic.clinicId }, data: { timezone: "America/New_York" } });
  });

  it("sends the clinic's calls in its days, with formulas defused, and audits the read", async () => {
    // The clinic's days: 05:30Z is 00:30 on the 16th in New York (in), 04:30Z still the 15th (out).
    await call(clinic.clinicId, "2026-11-16T05:30:00Z", '=HYPERLINK("http://evil","click")');
    await call(clinic.clinicId, "2026-11-16T04:30:00Z", "the evening before");
    await call(other.clinicId, "2026-11-17T15:00:00Z", "another clinic's caller");

    const response = await request("calls", { userId: clinic.userId, clinicId: clinic.clinicId });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("x-row-count")).toBe("1");
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Call id,Started \(America\/New_York\),/);
    expect(lines[1]).toContain("2026-11-16 00:30");
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(lines[1]).toContain(",'+12025550123,");
    expect(lines.join()).not.toContain("another clinic");
    expect(lines.join()).not.toContain("evening before");

    const audit = await t.db.auditLog.findFirst({ where: { clinicId: clinic.clinicId, action: "export.calls" } });
    expect(audit).toMatchObject({
      actorType: "user",
      actorUserId: clinic.userId,
      metadata: { from: "2026-11-16", to: "2026-11-22", rows: 1 },
    });
  });

  it("reads rows page by page while the response is already on its way", async () => {
    const day = "2026-11-18T15:00:00Z";
    await t.db.call.createMany({
      data: Array.from({ length: 1200 }, (_, i) => ({
        clinicId: clinic.clinicId,
        vapiCallId: `bulk-${i}-${randomUUID()}`,
        status: "ended",
        startedAt: new Date(day),
      })),
    });
    const response = await request("calls", { userId: clinic.userId, clinicId: clinic.clinicId });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value); // the header
    text += decoder.decode((await reader.read()).value); // the first page
    // A call that exists only after the first page went out: a buffered export would miss it.
    const late = await call(clinic.clinicId, day, "arrived during the export");
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(response.headers.get("x-row-count")).toBe("1201");
    expect(text.trimEnd().split("\r\n")).toHaveLength(1 + 1201 + 1);
    expect(text).toContain(late.id);
  });

  it("exports appointments to an API key, and refuses strangers, bad ranges and unknown kinds", async () => {
    const schedule = await fillSchedule(t.db, clinic.clinicId);
    const patient = await t.db.patient.create({
      data: { clinicId: clinic.clinicId, firstName: "@Ada", lastName: "Lovelace", phone: "+12025550111" },
    });
    const startsAt = new Date("2026-11-19T15:00:00Z");
    const endsAt = new Date("2026-11-19T15:30:00Z");
    await t.db.appointment.create({
      data: {
        clinicId: clinic.clinicId,
        providerId: schedule.providerId,
        appointmentTypeId: schedule.typeId,
        patientId: patient.id,
        status: "booked",
        source: "agent",
        startsAt,
        endsAt,
        blockStart: startsAt,
        blockEnd: endsAt,
      },
    });
    const { key, apiKey } = await clinic.owner.apiKeys.create({ name: "warehouse", role: "staff" });
    const response = await request("appointments", { key });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain("'@Ada Lovelace");
    expect(body).toContain("2026-11-19 10:00");
    expect(
      await t.db.auditLog.findFirst({ where: { action: "export.appointments", apiKeyId: apiKey.id } }),
    ).toMatchObject({
      metadata: { rows: 1 },
    });

    // Someone else's clinic is no clinic at all; nobody signed in is told to sign in.
    expect((await request("calls", { userId: other.userId, clinicId: clinic.clinicId })).status).toBe(404);
    const theirs = await request("calls", { userId: other.userId, clinicId: other.clinicId });
    expect(await theirs.text()).not.toContain("HYPERLINK");
    expect((await request("calls", {})).status).toBe(401);
    const bad = await request("calls", { key }, "from=2026-02-31&to=2026-03-01");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: expect.stringContaining("does not exist") });
    expect((await request("patients", { key })).status).toBe(400);
    expect((await request("calls", { key }, "from=2024-01-01&to=2026-01-01")).status).toBe(400);
  });

  it("defuses every formula start (= + - @, tab) in every text column and keeps quotes and line breaks in their cell", async () => {
    const schedule = await t.db.provider.findFirstOrThrow({ where: { clinicId: clinic.clinicId } });
    const type = await t.db.appointmentType.findFirstOrThrow({ where: { clinicId: clinic.clinicId } });
    const patient = await t.db.patient.create({
      data: { clinicId: clinic.clinicId, firstName: "=1+1", lastName: "Doe", phone: "+12025550112" },
    });
    await t.db.call.create({
      data: {
        clinicId: clinic.clinicId,
        vapiCallId: `call-${randomUUID()}`,
        status: "ended",
        startedAt: new Date("2026-11-20T16:00:00Z"),
        fromNumber: "+12025550112",
        patientId: patient.id,
        endedReason: "@SUM(A1:A9)",
        summary: '-2+3 said "hello"\nthen hung up',
      },
    });
    const startsAt = new Date("2026-11-20T20:00:00Z");
    const endsAt = new Date("2026-11-20T20:30:00Z");
    await t.db.appointment.create({
      data: {
        clinicId: clinic.clinicId,
        providerId: schedule.id,
        appointmentTypeId: type.id,
        patientId: patient.id,
        status: "cancelled",
        source: "dashboard",
        startsAt,
        endsAt,
        blockStart: startsAt,
        blockEnd: endsAt,
        notes: "+SUM(1,2)",
        cancelReason: "\t=cmd|' /C calc'!A0",
      },
    });

    const calls = await (await request("calls", { userId: clinic.userId, clinicId: clinic.clinicId })).text();
    const row = calls.split("\r\n").find((line) => line.includes("@SUM"));
    expect(row).toContain(",'=1+1 Doe,");
    expect(row).toContain(",'@SUM(A1:A9),");
    // The summary keeps its quotes (doubled) and its line break, inside one quoted cell.
    expect(calls).toContain(`,"'-2+3 said ""hello""\nthen hung up"\r\n`);

    const appointments = await (
      await request("appointments", { userId: clinic.userId, clinicId: clinic.clinicId })
    ).text();
    const lines = appointments.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Appointment id,Starts (America/New_York),Ends,Status,Provider,Type,Patient,Patient phone,Booked by,Call id,Notes,Created,Cancelled,Cancel reason",
    );
    const cancelled = lines.find((line) => line.includes("SUM(1,2)"));
    expect(cancelled).toContain("2026-11-20 15:00,2026-11-20 15:30,cancelled,");
    expect(cancelled).toContain(",'=1+1 Doe,'+12025550112,dashboard,,");
    expect(cancelled).toContain(`,"'+SUM(1,2)",`);
    expect(cancelled?.endsWith(",'\t=cmd|' /C calc'!A0")).toBe(true); // nothing to quote: no comma, quote or break
    for (const line of [...calls.split("\r\n"), ...lines]) {
      for (const cell of line.split(",")) expect(cell, line).not.toMatch(/^"?[=+\-@\t]/);
    }
  });
});
