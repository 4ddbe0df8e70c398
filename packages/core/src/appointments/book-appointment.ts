// Booking: a new appointment, or a hold turned into one. Everything a booking writes — the
// appointment, a new caller's patient record, the confirmation and reminder texts with their
// send jobs, the audit row and the idempotency key — is one statement, atomic on its own: a
// caller on the phone waits for one round trip where a transaction would take nine. Retries
// are safe: the same idempotency key answers with the first booking instead of making a second.
import { createHash } from "node:crypto";
import type { z } from "zod";
import { auditInsert, type Origin } from "../audit";
import { isDeadlock, isForeignKeyViolation, isUniqueViolation, Prisma, uuidv7 } from "../db";
import { AppError } from "../errors";
import { publishCommitted } from "../realtime/transact";
import { appointmentTexts } from "../sms/queue-sms";
import type { TenantDb } from "../tenancy";
import { bookingSourceOf, callIdOf } from "./booking-source";
import type { SlotRules } from "./find-open-slots";
import { appointmentEvent } from "./live-event";
import { bookInput } from "./schemas";
import { type AppointmentRow, appointmentColumns, readAppointment } from "./select";
import { asSlotTaken, assertBookable, blockOf, isOverlap, releaseExpiredHolds, SlotTakenError } from "./slot-rules";

const requestHash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const IDEMPOTENCY_SCOPE = "appointments.book";
const IDEMPOTENCY_TTL_MS = 7 * 86_400_000;
/** A booking that lost to something it can clear (an expired hold, a new caller's twin) tries again. */
const ATTEMPTS = 3;

type Input = z.output<typeof bookInput>;
type PatientRow = NonNullable<AppointmentRow["patient"]>;

type StoredKey = { requestHash: string; response: { appointmentId: string } };

/** The booking a key was first used for; refused when the key came with a different booking. */
function replayed(db: TenantDb, stored: StoredKey, hash: string) {
  if (stored.requestHash !== hash) {
    throw new AppError("CONFLICT", "this idempotency key was already used for a different booking; use a new key");
  }
  return readAppointment(db, db.clinicId, stored.response.appointmentId);
}

const storedKey = async (db: TenantDb, key: string) =>
  (await db.idempotencyKey.findFirst({ where: { scope: IDEMPOTENCY_SCOPE, key } })) as StoredKey | null;

async function replay(db: TenantDb, key: string, hash: string) {
  const stored = await storedKey(db, key);
  return stored ? replayed(db, stored, hash) : null;
}

/**
 * The booking made with `key`, however it was asked for; null when there is none. For a caller
 * that resumes work an earlier attempt abandoned and cannot ask the same way again (the voice
 * agent picks the provider from who is free, and the earlier booking took that time).
 */
export async function bookedWithKey(db: TenantDb, key: string) {
  const stored = await storedKey(db, key);
  return stored ? readAppointment(db, db.clinicId, stored.response.appointmentId) : null;
}

/** Everything a booking checks and says, in one statement. */
type Context = SlotRules["clinic"] & {
  clinicName: string;
  reminderLeadMinutes: number;
  type: (SlotRules["type"] & { name: string }) | null;
  /** Active and offering the type. */
  provider: { id: string; name: string } | null;
  /** The patient named by id, or the one with the caller's phone number. */
  patient: PatientRow | null;
  hold: { status: string; providerId: string; appointmentTypeId: string; startsAt: string } | null;
  /** What the idempotency key was first used for. */
  previous: StoredKey | null;
};

async function readContext(db: TenantDb, input: Input) {
  const patient = input.patientId
    ? Prisma.sql`pt.id = ${input.patientId}::uuid`
    : Prisma.sql`pt.phone = ${input.patient?.phone ?? null}`;
  const [row] = await db.sql<Context>`
    SELECT c.name AS "clinicName", c.timezone, c."minNoticeMinutes", c."bookingHorizonDays", c."reminderLeadMinutes",
      (SELECT json_build_object('id', t.id, 'name', t.name, 'durationMinutes', t."durationMinutes",
                                'bufferBeforeMinutes', t."bufferBeforeMinutes", 'bufferAfterMinutes', t."bufferAfterMinutes")
         FROM appointment_types t
        WHERE t.id = ${input.appointmentTypeId}::uuid AND t."clinicId" = c.id AND t.active) AS type,
      (SELECT json_build_object('id', p.id, 'name', p.name)
         FROM providers p
        WHERE p.id = ${input.providerId}::uuid AND p."clinicId" = c.id AND p.active
          AND EXISTS (SELECT 1 FROM provider_appointment_types x
                       WHERE x."providerId" = p.id AND x."appointmentTypeId" = ${input.appointmentTypeId}::uuid)) AS provider,
      (SELECT json_build_object('id', pt.id, 'firstName', pt."firstName", 'lastName', pt."lastName", 'phone', pt.phone)
         FROM patients pt WHERE pt."clinicId" = c.id AND ${patient}) AS patient,
      (SELECT json_build_object('status', a.status, 'providerId', a."providerId",
                                'appointmentTypeId', a."appointmentTypeId", 'startsAt', a."startsAt")
         FROM appointments a WHERE a.id = ${input.holdId ?? null}::uuid AND a."clinicId" = c.id) AS hold,
      (SELECT json_build_object('requestHash', k."requestHash", 'response', k.response)
         FROM idempotency_keys k
        WHERE k."clinicId" = c.id AND k.scope = ${IDEMPOTENCY_SCOPE} AND k.key = ${input.idempotencyKey ?? null}) AS previous
    FROM clinics c WHERE c.id = ${db.clinicId}::uuid`;
  if (!row) throw new AppError("NOT_FOUND", "clinic not found");
  return row;
}

/** Refuses what cannot be booked; answers the type, the provider and the patient (new or known). */
async function check(db: TenantDb, input: Input, context: Context, now: Date) {
  const { type, provider, hold } = context;
  if (!type) throw new AppError("NOT_FOUND", "appointment type not found");
  if (!provider) throw new AppError("NOT_FOUND", "no such provider offers this appointment type");
  if (input.holdId) {
    const matches =
      hold?.status === "held" &&
      hold.providerId === input.providerId &&
      hold.appointmentTypeId === input.appointmentTypeId &&
      new Date(hold.startsAt).getTime() === input.startsAt.getTime();
    if (!matches) throw new AppError("NOT_FOUND", "hold not found for this slot; check the slot or hold again");
  } else {
    await assertBookable(db, input, now, undefined, { clinic: context, type });
  }
  if (context.patient) return { type, provider, patient: context.patient, newPatient: null };
  if (!input.patient) throw new AppError("NOT_FOUND", "patient not found");
  const patient = { id: uuidv7(), ...input.patient };
  return { type, provider, patient, newPatient: patient };
}

type Checked = Awaited<ReturnType<typeof check>>;

/** The booking's one statement; null when the hold it confirms expired meanwhile. */
async function write(
  db: TenantDb,
  origin: Origin,
  input: Input,
  context: Context,
  { type, provider, patient, newPatient }: Checked,
  hash: string,
  now: Date,
): Promise<AppointmentRow | null> {
  const clinicId = db.clinicId;
  const appointmentId = input.holdId ?? uuidv7();
  const source = bookingSourceOf(origin.actor);
  const callId = callIdOf(origin.actor) ?? null;
  const booked = Prisma.sql`booked`;
  const parts: Prisma.Sql[] = [];
  const idempotencyInsert = (appointment: Prisma.Sql, from: Prisma.Sql) => Prisma.sql`
    INSERT INTO idempotency_keys (id, "clinicId", scope, key, "requestHash", response, "expiresAt")
    SELECT ${uuidv7()}::uuid, ${clinicId}::uuid, ${IDEMPOTENCY_SCOPE}, ${input.idempotencyKey}, ${hash},
           jsonb_build_object('appointmentId', ${appointment}), ${new Date(now.getTime() + IDEMPOTENCY_TTL_MS)}
    ${from}
    RETURNING id`;
  if (newPatient) {
    // If a twin booking created this caller first, our appointment's patient does not exist:
    // the statement fails on the foreign key and the next attempt finds them.
    const { id, firstName, lastName, phone, email, dateOfBirth } = newPatient;
    parts.push(Prisma.sql`new_patient AS (
      INSERT INTO patients (id, "clinicId", "firstName", "lastName", phone, email, "dateOfBirth", "updatedAt")
      VALUES (${id}::uuid, ${clinicId}::uuid, ${firstName}, ${lastName}, ${phone}, ${email ?? null},
              ${dateOfBirth ? dateOfBirth.toISOString().slice(0, 10) : null}::date, now())
      ON CONFLICT ("clinicId", phone) DO NOTHING)`);
  }
  if (input.holdId) {
    // Confirming a hold keeps its place in the constraint: nobody can slip in between.
    parts.push(Prisma.sql`booked AS (
      UPDATE appointments
         SET status = 'booked', "patientId" = ${patient.id}::uuid, "holdExpiresAt" = NULL,
             notes = coalesce(${input.notes ?? null}, notes), source = ${source}::"BookingSource",
             "callId" = coalesce(${callId}::uuid, "callId"), "updatedAt" = now()
       WHERE id = ${appointmentId}::uuid AND "clinicId" = ${clinicId}::uuid AND status = 'held' AND "holdExpiresAt" > ${now}
      RETURNING ${appointmentColumns("appointments")})`);
  } else {
    // A new booking takes its idempotency key before its slot (the insert reads the key's row):
    // two deliveries of one request then queue on the key, where taking the two in no set order
    // could leave each waiting for the other's.
    const keyFirst = input.idempotencyKey !== undefined;
    if (keyFirst)
      parts.push(Prisma.sql`idempotency AS (${idempotencyInsert(Prisma.sql`${appointmentId}::uuid`, Prisma.empty)})`);
    const block = blockOf(type, input.startsAt);
    parts.push(Prisma.sql`booked AS (
      INSERT INTO appointments (id, "clinicId", "providerId", "appointmentTypeId", "patientId", status, "startsAt", "endsAt",
                                "blockStart", "blockEnd", source, "callId", notes, "updatedAt")
      SELECT ${appointmentId}::uuid, ${clinicId}::uuid, ${provider.id}::uuid, ${type.id}::uuid, ${patient.id}::uuid, 'booked',
             ${block.startsAt}, ${block.endsAt}, ${block.blockStart}, ${block.blockEnd}, ${source}::"BookingSource",
             ${callId}::uuid, ${input.notes ?? null}, now()
        FROM ${keyFirst ? Prisma.sql`idempotency` : Prisma.sql`(VALUES (1)) AS once(one)`}
      RETURNING ${appointmentColumns("appointments")})`);
  }
  const texts = appointmentTexts(
    {
      clinicId,
      appointmentId,
      patientId: patient.id,
      phone: patient.phone,
      firstName: patient.firstName,
      startsAt: input.startsAt,
      providerName: provider.name,
      typeName: type.name,
      clinicName: context.clinicName,
      timezone: context.timezone,
      reminderLeadMinutes: context.reminderLeadMinutes,
    },
    "confirmation",
    now,
    booked,
  );
  parts.push(Prisma.sql`texts AS (${texts.insert})`, Prisma.sql`jobs AS (${texts.jobs})`);
  const audit = { action: "appointment.book", targetType: "appointment", targetId: appointmentId };
  parts.push(Prisma.sql`audit AS (${auditInsert(clinicId, origin, audit, booked)})`);
  if (input.idempotencyKey && input.holdId) {
    // A hold's confirmations queue on the hold's row first, so its key can follow.
    parts.push(Prisma.sql`idempotency AS (${idempotencyInsert(Prisma.sql`booked.id`, Prisma.sql`FROM booked`)})`);
  }
  const [row] = await db.sql<Omit<AppointmentRow, "provider" | "appointmentType" | "patient">>`
    WITH ${Prisma.join(parts, ",\n")}
    SELECT booked.*, (SELECT count(*) FROM jobs) AS jobs FROM booked`;
  if (!row) return null;
  const { jobs: _, ...appointment } = row as typeof row & { jobs: unknown };
  return {
    ...appointment,
    provider,
    appointmentType: { id: type.id, name: type.name, durationMinutes: type.durationMinutes },
    patient: { id: patient.id, firstName: patient.firstName, lastName: patient.lastName, phone: patient.phone },
  };
}

export async function bookAppointment(
  db: TenantDb,
  origin: Origin,
  raw: z.input<typeof bookInput>,
  now = new Date(),
): Promise<AppointmentRow> {
  const input = bookInput.parse(raw);
  const { idempotencyKey, holdId, patient: patientDetails, patientId, ...slot } = input;
  const hash = requestHash({ ...slot, startsAt: slot.startsAt.toISOString(), patientDetails, patientId, holdId });
  for (let attempt = 1; ; attempt++) {
    const context = await readContext(db, input);
    if (context.previous) return replayed(db, context.previous, hash);
    try {
      const checked = await check(db, input, context, now);
      const booked = await write(db, origin, input, context, checked, hash, now);
      if (!booked) throw new SlotTakenError([]); // the hold expired between the check and the write
      publishCommitted(db, appointmentEvent("appointment.booked", booked, origin.actor));
      return booked;
    } catch (error) {
      if (attempt < ATTEMPTS && (await clearable(db, error, input, context, now))) continue;
      if (idempotencyKey && (isOverlap(error) || isUniqueViolation(error) || error instanceof SlotTakenError)) {
        // A concurrent retry with the same key may have won the race: answer what it booked.
        const previous = await replay(db, idempotencyKey, hash);
        if (previous) return previous;
      }
      // The patient named by id was deleted between the check and the write.
      if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", "patient not found");
      throw await asSlotTaken(error, db, slot, now);
    }
  }
}

/**
 * Whether trying again can go differently: expired holds were in the way (released here), a new
 * caller was created by a twin booking at the same moment (the next attempt finds them), or a
 * deadlock ended the attempt.
 */
async function clearable(db: TenantDb, error: unknown, input: Input, context: Context, now: Date) {
  if (isDeadlock(error) && !isOverlap(error)) return true; // not two bookings of one slot: try again
  if (isForeignKeyViolation(error)) return !context.patient;
  if (!isOverlap(error) || !context.type || input.holdId) return false;
  const block = blockOf(context.type, input.startsAt);
  return (await releaseExpiredHolds(db, db.clinicId, input.providerId, block, now)) > 0;
}
