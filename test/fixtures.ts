// A clinic with one of everything (for isolation tests): rows in every tenant table.
import type { RootDb } from "@frontdesk/core/db";

export async function fillClinic(db: RootDb, orgId: string, tag: string) {
  const phone = (n: number) => `+1202555${String(n).padStart(4, "0")}`;
  const salt = Math.floor(Math.random() * 9000);
  const provider = await db.provider.create({ data: { orgId, name: `Dr. ${tag}` } });
  const type = await db.appointmentType.create({ data: { orgId, name: `${tag} visit`, durationMinutes: 30 } });
  await db.providerAppointmentType.create({ data: { orgId, providerId: provider.id, appointmentTypeId: type.id } });
  await db.workingHours.create({
    data: { orgId, providerId: provider.id, weekday: 1, startMinute: 540, endMinute: 1020 },
  });
  await db.scheduleOverride.create({
    data: { orgId, providerId: provider.id, date: new Date("2031-01-01"), kind: "closed" },
  });
  const patient = await db.patient.create({ data: { orgId, firstName: tag, lastName: "Patient", phone: phone(salt) } });
  const assistant = await db.assistant.create({
    data: { orgId, name: `${tag} agent`, systemPrompt: "p", firstMessage: "hi" },
  });
  const tool = await db.tool.upsert({
    where: { name: "isolationTool" },
    update: {},
    create: { name: "isolationTool", definition: {}, definitionHash: "h" },
  });
  await db.assistantTool.create({ data: { orgId, assistantId: assistant.id, toolId: tool.id } });
  const credential = await db.credential.create({
    data: { orgId, kind: "twilio", label: `${tag} twilio`, ciphertext: "v1.k1.a.b.c", keyId: "k1" },
  });
  const number = await db.phoneNumber.create({
    data: { orgId, e164: phone(salt + 1), source: "byo", credentialId: credential.id, assistantId: assistant.id },
  });
  const call = await db.call.create({
    data: {
      orgId,
      vapiCallId: `call-${tag}-${salt}`,
      status: "ended",
      phoneNumberId: number.id,
      patientId: patient.id,
      transcript: `${tag} transcript`,
    },
  });
  await db.webhookInboxEvent.create({
    data: { orgId, source: "vapi", eventType: "end-of-call-report", dedupeKey: `${call.vapiCallId}:eocr`, payload: {} },
  });
  const start = new Date("2031-03-03T15:00:00Z");
  const end = new Date("2031-03-03T15:30:00Z");
  const appointment = await db.appointment.create({
    data: {
      orgId,
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
      orgId,
      patientId: patient.id,
      appointmentId: appointment.id,
      direction: "outbound",
      kind: "confirmation",
      toNumber: patient.phone,
      body: `${tag} confirmed`,
      status: "sent",
    },
  });
  await db.smsOptOut.create({ data: { orgId, phone: phone(salt + 2), source: "keyword:STOP" } });
  await db.idempotencyKey.create({
    data: {
      orgId,
      scope: "test",
      key: `${tag}-key`,
      requestHash: "h",
      response: {},
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
}

/** Every row that belongs to `orgId`, table by table (for before/after comparisons). */
export async function snapshotClinic(db: RootDb, orgId: string) {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'orgId' ORDER BY table_name`;
  const snapshot: Record<string, unknown[]> = {};
  for (const { table_name } of tables) {
    snapshot[table_name] = await db.$queryRawUnsafe(
      `SELECT * FROM "${table_name}" WHERE "orgId" = $1::uuid ORDER BY 1`,
      orgId,
    );
  }
  snapshot.organizations = await db.$queryRaw`SELECT * FROM organizations WHERE id = ${orgId}::uuid`;
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
