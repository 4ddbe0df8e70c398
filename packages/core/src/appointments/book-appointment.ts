// Booking: a new appointment, or a hold turned into one. Retries are safe: the same
// idempotency key answers with the first booking instead of making a second.
import { createHash } from "node:crypto";
import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import { findOrCreatePatient } from "../patients/find-or-create-patient";
import type { patientInput } from "../patients/schemas";
import { transact } from "../realtime/transact";
import { queueAppointmentSms } from "../sms/queue-sms";
import type { TenantDb } from "../tenancy";
import { bookingSourceOf, callIdOf } from "./booking-source";
import type { SlotRules } from "./find-open-slots";
import { appointmentEvent } from "./live-event";
import { bookInput } from "./schemas";
import { readAppointment } from "./select";
import { asSlotTaken, assertBookable, isOverlap, SlotTakenError, takeSlot } from "./slot-rules";

const requestHash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const IDEMPOTENCY_SCOPE = "appointments.book";
const IDEMPOTENCY_TTL_MS = 7 * 86_400_000;

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

async function replay(db: TenantDb, key: string, hash: string) {
  const stored = await db.idempotencyKey.findFirst({ where: { scope: IDEMPOTENCY_SCOPE, key } });
  if (!stored) return null;
  if (stored.requestHash !== hash) {
    throw new AppError("CONFLICT", "this idempotency key was already used for a different booking; use a new key");
  }
  const { appointmentId } = stored.response as { appointmentId: string };
  return readAppointment(db, db.clinicId, appointmentId);
}

export async function bookAppointment(
  db: TenantDb,
  origin: Origin,
  raw: z.input<typeof bookInput>,
  now = new Date(),
  /** The clinic's booking rules and the type, when the caller (the voice agent) already read them. */
  known?: SlotRules,
) {
  const input = bookInput.parse(raw);
  const source = bookingSourceOf(origin.actor);
  const callId = callIdOf(origin.actor);
  const { idempotencyKey, holdId, notes, patient: patientDetails, patientId, ...slot } = input;
  const hash = requestHash({ ...slot, startsAt: slot.startsAt.toISOString(), patientDetails, patientId, holdId });
  if (idempotencyKey) {
    const previous = await replay(db, idempotencyKey, hash);
    if (previous) return previous;
  }
  if (holdId) {
    // A new booking's provider is checked by assertBookable (active, offers the type); a hold's here.
    const provider = await db.provider.findFirst({
      where: {
        id: slot.providerId,
        active: true,
        appointmentTypes: { some: { appointmentTypeId: slot.appointmentTypeId } },
      },
      select: { id: true },
    });
    if (!provider) throw new AppError("NOT_FOUND", "no such provider offers this appointment type");
  }

  try {
    if (holdId) {
      const hold = await db.appointment.findUnique({ where: { id: holdId } });
      const matches =
        hold?.status === "held" &&
        hold.providerId === slot.providerId &&
        hold.appointmentTypeId === slot.appointmentTypeId &&
        hold.startsAt.getTime() === slot.startsAt.getTime();
      if (!matches) throw new AppError("NOT_FOUND", "hold not found for this slot; check the slot or hold again");
    } else {
      await assertBookable(db, slot, now, undefined, known);
    }
    // After the checks, so a refused booking creates no patient either.
    const patient = patientId
      ? await db.patient.findUnique({ where: { id: patientId }, select: { id: true } })
      : await findOrCreatePatient(db, patientDetails as z.input<typeof patientInput>);
    if (!patient) throw new AppError("NOT_FOUND", "patient not found");
    return await transact(db, async (tx, emit) => {
      let appointment: { id: string };
      if (holdId) {
        // Confirming a hold keeps its place in the constraint: nobody can slip in between.
        const confirmed = await tx.appointment.updateManyAndReturn({
          where: { id: holdId, status: "held", holdExpiresAt: { gt: now } },
          data: { status: "booked", patientId: patient.id, holdExpiresAt: null, notes, source, callId },
          select: { id: true },
        });
        if (!confirmed[0]) throw new SlotTakenError([]);
        appointment = confirmed[0];
      } else {
        appointment = await takeSlot(
          tx,
          db.clinicId,
          slot,
          now,
          {
            patientId: patient.id,
            status: "booked",
            source,
            callId,
            notes,
          },
          known?.type,
        );
      }
      if (idempotencyKey) {
        await tx.idempotencyKey.create({
          data: {
            clinicId: db.clinicId,
            scope: IDEMPOTENCY_SCOPE,
            key: idempotencyKey,
            requestHash: hash,
            response: { appointmentId: appointment.id },
            expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
          },
        });
      }
      await queueAppointmentSms(tx, db.clinicId, appointment.id, "confirmation", now);
      await recordAudit(tx, origin, {
        action: "appointment.book",
        targetType: "appointment",
        targetId: appointment.id,
      });
      const booked = await readAppointment(tx, db.clinicId, appointment.id);
      emit(appointmentEvent("appointment.booked", booked, origin.actor));
      return booked;
    });
  } catch (error) {
    if (idempotencyKey && (isOverlap(error) || isUniqueViolation(error) || error instanceof SlotTakenError)) {
      // A concurrent retry with the same key may have won the race: answer what it booked.
      const previous = await replay(db, idempotencyKey, hash);
      if (previous) return previous;
    }
    throw await asSlotTaken(error, db, slot, now);
  }
}
