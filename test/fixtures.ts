// Test data: a clinic with one of everything (for isolation tests), and a clinic set up for
// scheduling (for core's appointment tests and the API's).
import { randomBytes, randomUUID } from "node:crypto";
import type { Origin } from "@frontdesk/core";
import { findOpenSlots } from "@frontdesk/core/appointments";
import type { RootDb } from "@frontdesk/core/db";
import { createTenantClients, type TenantClients, type TenantDb } from "@frontdesk/core/tenancy";
import { afterAll, beforeAll } from "vitest";
import type { TestDatabase } from "./database";

export async function fillClinic(db: RootDb, clinicId: string, tag: string) {
  const phone = (n: number) => `+1202555${String(n).padStart(4, "0")}`;
  const salt = Math.floor(Math.random() * 9000);
  const provider = await db.provider.create({ data: { clinicId, name: `Dr. ${tag}` } });
  const type = await db.appointmentType.create({ data: { clinicId, name: `${tag} visit`, durationMinutes: 30 } });
  await db.providerAppointmentType.create({ data: { clinicId, providerId: provider.id, appointmentTypeId: type.id } });
  await db.workingHours.create({
    data: { clinicId, providerId: provider.id, weekday: 1, startMinute: 540, endMinute: 1020 },
  });
  await db.scheduleOverride.create({
    data: { clinicId, providerId: provider.id, date: new Date("2031-01-01"), kind: "closed" },
  });
  const patient = await db.patient.create({
    data: { clinicId, firstName: tag, lastName: "Patient", phone: phone(salt) },
  });
  const assistant = await db.assistant.create({
    // A voice of its own: "Elliot", the default every clinic shares, is no identifier of B's.
    data: { clinicId, name: `${tag} agent`, systemPrompt: "p", firstMessage: "hi", voiceId: `${tag}-voice` },
  });
  const tool = await db.tool.upsert({
    where: { name: "isolationTool" },
    update: {},
    create: { name: "isolationTool", definition: {}, definitionHash: "h" },
  });
  await db.assistantTool.create({ data: { clinicId, assistantId: assistant.id, toolId: tool.id } });
  const credential = await db.credential.create({
    data: { clinicId, kind: "twilio", label: `${tag} twilio`, ciphertext: "v1.k1.a.b.c", keyId: "k1" },
  });
  const number = await db.phoneNumber.create({
    data: { clinicId, e164: phone(salt + 1), source: "byo", credentialId: credential.id, assistantId: assistant.id },
  });
  const call = await db.call.create({
    data: {
      clinicId,
      vapiCallId: `call-${tag}-${salt}`,
      status: "ended",
      phoneNumberId: number.id,
      patientId: patient.id,
      transcript: `${tag} transcript`,
    },
  });
  await db.webhookInboxEvent.create({
    data: {
      clinicId,
      source: "vapi",
      eventType: "end-of-call-report",
      dedupeKey: `${call.vapiCallId}:eocr`,
      payload: {},
    },
  });
  const start = new Date("2031-03-03T15:00:00Z");
  const end = new Date("2031-03-03T15:30:00Z");
  const appointment = await db.appointment.create({
    data: {
      clinicId,
      providerId: provider.id,
      appointmentTypeId: type.id,
      patientId: patient.id,
      status: "booked",
      startsAt: start,
      endsAt: end,
      blockStart: start,
      blockEnd: end,
      source: "dashboard",
      callId: call.id,
    },
  });
  await db.smsMessage.create({
    data: {
      clinicId,
      patientId: patient.id,
      appointmentId: appointment.id,
      direction: "outbound",
      kind: "confirmation",
      toNumber: patient.phone,
      body: `${tag} confirmed`,
      status: "sent",
    },
  });
  await db.smsOptOut.create({ data: { clinicId, phone: phone(salt + 2), source: "keyword:STOP" } });
  await db.idempotencyKey.create({
    data: {
      clinicId,
      scope: "test",
      key: `${tag}-key`,
      requestHash: "h",
      response: {},
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
}

/** Every row that belongs to `clinicId`, table by table (for before/after comparisons). */
export async function snapshotClinic(db: RootDb, clinicId: string) {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'clinicId' ORDER BY table_name`;
  const snapshot: Record<string, unknown[]> = {};
  for (const { table_name } of tables) {
    snapshot[table_name] = await db.$queryRawUnsafe(
      `SELECT * FROM "${table_name}" WHERE "clinicId" = $1::uuid ORDER BY 1`,
      clinicId,
    );
  }
  snapshot.clinics = await db.$queryRaw`SELECT * FROM clinics WHERE id = ${clinicId}::uuid`;
  return JSON.parse(JSON.stringify(snapshot, (_, v) => (typeof v === "bigint" ? String(v) : v)));
}

/** Every id, name and email of the clinic: none may appear in another clinic's answers. */
export function identifiersIn(snapshot: Record<string, unknown[]>) {
  const found = new Set<string>();
  for (const rows of Object.values(snapshot)) {
    for (const row of rows as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== "string" || value.length < 6) continue;
        if (column === "toolId") continue; // the global tool registry is shared on purpose
        if (
          column === "id" ||
          column.endsWith("Id") ||
          ["name", "email", "phone", "e164", "firstName", "transcript", "body", "prefix"].includes(column)
        ) {
          found.add(value);
        }
      }
    }
  }
  return [...found];
}

/**
 * Scheduling set-up for `clinicId`: a clinic in New York (2 hours' notice, 5-minute holds, a
 * ten-year horizon so 2031 dates are bookable with the real clock), Dr. Alpha and Dr. Beta
 * working 9:00–17:00 on weekdays, and a 30-minute check-up with 10 minutes' buffer after.
 */
export async function fillSchedule(db: RootDb, clinicId: string) {
  await db.clinic.update({
    where: { id: clinicId },
    data: { timezone: "America/New_York", minNoticeMinutes: 120, bookingHorizonDays: 3650, holdMinutes: 5 },
  });
  const provider = async (name: string) => {
    const { id } = await db.provider.create({ data: { clinicId, name } });
    await db.workingHours.createMany({
      data: [1, 2, 3, 4, 5].map((weekday) => ({
        clinicId,
        providerId: id,
        weekday,
        startMinute: 540,
        endMinute: 1020,
      })),
    });
    return id;
  };
  const providerId = await provider("Dr. Alpha");
  const secondProviderId = await provider("Dr. Beta");
  const type = await db.appointmentType.create({
    data: { clinicId, name: "Check-up", durationMinutes: 30, bufferAfterMinutes: 10 },
  });
  await db.providerAppointmentType.createMany({
    data: [providerId, secondProviderId].map((id) => ({ clinicId, providerId: id, appointmentTypeId: type.id })),
  });
  return { providerId, secondProviderId, typeId: type.id };
}

/** A wall-clock time in New York in 2031 (UTC-5 in winter, UTC-4 from March 9 to November 2). */
export const newYorkTime = (date: string, time: string) => {
  const offset = date >= "2031-03-09" && date < "2031-11-02" ? "-04:00" : "-05:00";
  return new Date(`${date}T${time}:00${offset}`);
};

/** The n-th test patient, with a phone as staff would type it. */
export const testPatient = (n: number) => ({
  firstName: `Pat${n}`,
  lastName: "Ient",
  phone: `(415) 555-${String(1000 + n)}`,
});

/** For a core test file: a clinic of its own (no members) and its tenant client. */
export function useTenantClinic(t: TestDatabase) {
  const clinic = {} as { clinicId: string; db: TenantDb };
  let tenants: TenantClients | undefined;
  beforeAll(async () => {
    tenants = createTenantClients(t.url, { max: 3 });
    const slug = `clinic-${randomBytes(4).toString("hex")}`;
    const created = await t.db.clinic.create({ data: { name: `Clinic ${slug}`, slug, timezone: "UTC" } });
    Object.assign(clinic, { clinicId: created.id, db: tenants.forTenant(created.id) });
  });
  afterAll(async () => {
    await tenants?.close();
  });
  return clinic;
}

/**
 * `useTenantClinic` with `fillSchedule`'s set-up, and the open start times (ISO) of a
 * check-up with Dr. Alpha (or `providerId`) on one local date.
 */
export function useSchedulingClinic(t: TestDatabase) {
  const clinic = Object.assign(useTenantClinic(t), {
    openStarts: async (date: string, now: Date, providerId = clinic.providerId) => {
      const input = { appointmentTypeId: clinic.typeId, providerId, from: date, to: date };
      return (await findOpenSlots(clinic.db, input, now)).slots.map((s) => s.startsAt.toISOString());
    },
  }) as ReturnType<typeof useTenantClinic> & {
    openStarts: (date: string, now: Date, providerId?: string) => Promise<string[]>;
  } & Awaited<ReturnType<typeof fillSchedule>>;
  beforeAll(async () => {
    Object.assign(clinic, await fillSchedule(t.db, clinic.clinicId));
  });
  return clinic;
}

/** Calling a core use case as a person at the dashboard would (no router in between). */
export const staffOrigin = (userId: string = randomUUID()): Origin => ({
  actor: { type: "user", userId },
  ip: "198.51.100.7",
});

/** Calling a core use case as the voice agent would, on a call. */
export const agentOrigin = (callId: string | null = null): Origin => ({
  actor: { type: "voice_agent", callId },
  ip: null,
});
