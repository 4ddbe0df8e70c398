// Booking, holds, cancelling and rescheduling. What makes double-booking impossible is the
// database (the exclusion constraint on appointments); this code turns a lost race into a
// typed "slot taken" answer with real alternatives, and makes retries safe (idempotency keys).
import { createHash } from "node:crypto";
import type { z } from "zod";
import type { Slot } from "../appointments/schemas";
import { bookInput, holdInput, rescheduleInput } from "../appointments/schemas";
import type { Prisma } from "../db";
import { AppError } from "../errors";
import type { patientInput } from "../patients/schemas";
import { cancelPendingReminders, queueAppointmentSms } from "../sms/queue-sms";
import type { TenantDb, TenantTransaction } from "../tenancy";
import { findOpenSlots } from "./availability";
import { findOrCreatePatient } from "./patients";
import { formatLocalDate, wallClock } from "./zoned-time";

export type BookingSource = "agent" | "dashboard" | "api";

export const appointmentSelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  holdExpiresAt: true,
  source: true,
  notes: true,
  cancelledAt: true,
  cancelReason: true,
  rescheduledFromId: true,
  createdAt: true,
  provider: { select: { id: true, name: true } },
  appointmentType: { select: { id: true, name: true, durationMinutes: true } },
  patient: { select: { id: true, firstName: true, lastName: true, phone: true } },
} as const satisfies Prisma.AppointmentSelect;

/** A lost race or a taken slot: the nearest open alternatives come with it. */
export class SlotTakenError extends AppError {
  constructor(readonly alternatives: Slot[]) {
    super("CONFLICT", "that time was just taken; choose one of the alternatives", {
      reason: "slot_taken",
      alternatives: alternatives.map((s) => ({
        ...s,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
      })),
    });
  }
}

const isOverlap = (error: unknown) =>
  error instanceof Error &&
  /appointments_no_overlap|23P01|exclusion constraint/.test(
    `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? "")}`,
  );

/** A lost race (the exclusion constraint) becomes SlotTakenError with real alternatives. */
async function asSlotTaken(
  error: unknown,
  db: TenantDb,
  slot: { appointmentTypeId: string; startsAt: Date },
  now: Date,
) {
  return isOverlap(error)
    ? new SlotTakenError(await alternativesNear(db, slot.appointmentTypeId, slot.startsAt, now))
    : error;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/** The open slots nearest to `startsAt` for the same type (any provider), up to `count`. */
export async function alternativesNear(db: TenantDb, appointmentTypeId: string, startsAt: Date, now: Date, count = 3) {
  const { timezone } = await db.organization.findFirstOrThrow({ select: { timezone: true } });
  const day = (offset: number) => {
    const w = wallClock(new Date(startsAt.getTime() + offset * 86_400_000), timezone);
    return formatLocalDate(w);
  };
  const { slots } = await findOpenSlots(db, { appointmentTypeId, from: day(-1), to: day(7), limit: 1000 }, now);
  return slots
    .filter((s) => s.startsAt.getTime() !== startsAt.getTime())
    .sort(
      (a, b) =>
        Math.abs(a.startsAt.getTime() - startsAt.getTime()) - Math.abs(b.startsAt.getTime() - startsAt.getTime()),
    )
    .slice(0, count)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Is `startsAt` a bookable start for this provider and type (ignoring who else booked it)? */
async function assertBookable(
  db: TenantDb,
  request: z.output<typeof holdInput>,
  now: Date,
  ignoreAppointmentId?: string,
) {
  const { timezone } = await db.organization.findFirstOrThrow({ select: { timezone: true } });
  const date = formatLocalDate(wallClock(request.startsAt, timezone));
  const input = {
    appointmentTypeId: request.appointmentTypeId,
    providerId: request.providerId,
    from: date,
    to: date,
    limit: 1000,
  };
  const open = await findOpenSlots(db, input, now, ignoreAppointmentId);
  if (open.slots.some((s) => s.startsAt.getTime() === request.startsAt.getTime())) return;
  // Not open: taken by someone (typed conflict with alternatives), or never bookable.
  const type = await db.appointmentType.findUniqueOrThrow({ where: { id: request.appointmentTypeId } });
  const { blockStart, blockEnd } = blockOf(type, request.startsAt);
  const clash = await db.appointment.findFirst({
    where: {
      providerId: request.providerId,
      id: ignoreAppointmentId ? { not: ignoreAppointmentId } : undefined,
      OR: [{ status: "booked" }, { status: "held", holdExpiresAt: { gt: now } }],
      blockStart: { lt: blockEnd },
      blockEnd: { gt: blockStart },
    },
    select: { id: true },
  });
  if (clash) throw new SlotTakenError(await alternativesNear(db, request.appointmentTypeId, request.startsAt, now));
  throw new AppError(
    "BAD_REQUEST",
    "that time is outside the provider's hours, too soon or too far ahead; choose one of the open times",
  );
}

type Durations = { durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };

/** The visit and the provider's busy interval around it (buffers included). */
function blockOf(type: Durations, startsAt: Date) {
  const endsAt = new Date(startsAt.getTime() + type.durationMinutes * 60_000);
  return {
    startsAt,
    endsAt,
    blockStart: new Date(startsAt.getTime() - type.bufferBeforeMinutes * 60_000),
    blockEnd: new Date(endsAt.getTime() + type.bufferAfterMinutes * 60_000),
  };
}

async function blockFor(tx: TenantTransaction, request: z.output<typeof holdInput>) {
  return blockOf(
    await tx.appointmentType.findUniqueOrThrow({ where: { id: request.appointmentTypeId } }),
    request.startsAt,
  );
}

/** Holds past their expiry still sit in the constraint until released; release the ones in the way. */
async function releaseExpiredHolds(
  tx: TenantTransaction,
  providerId: string,
  block: { blockStart: Date; blockEnd: Date },
  now: Date,
) {
  await tx.appointment.updateMany({
    where: {
      providerId,
      status: "held",
      holdExpiresAt: { lte: now },
      blockStart: { lt: block.blockEnd },
      blockEnd: { gt: block.blockStart },
    },
    data: { status: "cancelled", cancelledAt: now, cancelReason: "hold expired" },
  });
}

const requestHash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const IDEMPOTENCY_SCOPE = "appointments.book";
const IDEMPOTENCY_TTL_MS = 7 * 86_400_000;

async function replay(db: TenantDb, key: string, hash: string) {
  const stored = await db.idempotencyKey.findFirst({ where: { scope: IDEMPOTENCY_SCOPE, key } });
  if (!stored) return null;
  if (stored.requestHash !== hash) {
    throw new AppError("CONFLICT", "this idempotency key was already used for a different booking; use a new key");
  }
  const { appointmentId } = stored.response as { appointmentId: string };
  return db.appointment.findUniqueOrThrow({ where: { id: appointmentId }, select: appointmentSelect });
}

export async function bookAppointment(
  db: TenantDb,
  raw: z.input<typeof bookInput>,
  context: { source: BookingSource; callId?: string; now?: Date },
) {
  const input = bookInput.parse(raw);
  const now = context.now ?? new Date();
  const { idempotencyKey, holdId, notes, patient: patientDetails, patientId, ...slot } = input;
  const hash = requestHash({ ...slot, startsAt: slot.startsAt.toISOString(), patientDetails, patientId, holdId });
  if (idempotencyKey) {
    const previous = await replay(db, idempotencyKey, hash);
    if (previous) return previous;
  }
  const provider = await db.provider.findFirst({
    where: {
      id: slot.providerId,
      active: true,
      appointmentTypes: { some: { appointmentTypeId: slot.appointmentTypeId } },
    },
    select: { id: true },
  });
  if (!provider) throw new AppError("NOT_FOUND", "no such provider offers this appointment type");
  const patient = patientId
    ? await db.patient.findUnique({ where: { id: patientId }, select: { id: true } })
    : await findOrCreatePatient(db, patientDetails as z.input<typeof patientInput>);
  if (!patient) throw new AppError("NOT_FOUND", "patient not found");

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
      await assertBookable(db, slot, now);
    }
    return await db.$transaction(async (tx) => {
      const block = await blockFor(tx, slot);
      let appointment: { id: string };
      if (holdId) {
        // Confirming a hold keeps its place in the constraint: nobody can slip in between.
        const confirmed = await tx.appointment.updateManyAndReturn({
          where: { id: holdId, status: "held", holdExpiresAt: { gt: now } },
          data: {
            status: "booked",
            patientId: patient.id,
            holdExpiresAt: null,
            notes,
            source: context.source,
            callId: context.callId,
          },
          select: { id: true },
        });
        if (!confirmed[0]) throw new SlotTakenError([]);
        appointment = confirmed[0];
      } else {
        await releaseExpiredHolds(tx, slot.providerId, block, now);
        appointment = await tx.appointment.create({
          data: {
            orgId: db.orgId,
            providerId: slot.providerId,
            appointmentTypeId: slot.appointmentTypeId,
            patientId: patient.id,
            status: "booked",
            ...block,
            source: context.source,
            callId: context.callId,
            notes,
          },
          select: { id: true },
        });
      }
      if (idempotencyKey) {
        await tx.idempotencyKey.create({
          data: {
            orgId: db.orgId,
            scope: IDEMPOTENCY_SCOPE,
            key: idempotencyKey,
            requestHash: hash,
            response: { appointmentId: appointment.id },
            expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
          },
        });
      }
      await queueAppointmentSms(tx, db.orgId, appointment.id, "confirmation", now);
      return tx.appointment.findUniqueOrThrow({ where: { id: appointment.id }, select: appointmentSelect });
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

/** Holds a slot for the clinic's hold time (default 5 minutes) while a caller decides. */
export async function holdSlot(
  db: TenantDb,
  raw: z.input<typeof holdInput>,
  context: { source: BookingSource; now?: Date },
) {
  const slot = holdInput.parse(raw);
  const now = context.now ?? new Date();
  await assertBookable(db, slot, now);
  const { holdMinutes } = await db.organization.findFirstOrThrow({ select: { holdMinutes: true } });
  try {
    return await db.$transaction(async (tx) => {
      const block = await blockFor(tx, slot);
      await releaseExpiredHolds(tx, slot.providerId, block, now);
      return tx.appointment.create({
        data: {
          orgId: db.orgId,
          providerId: slot.providerId,
          appointmentTypeId: slot.appointmentTypeId,
          status: "held",
          ...block,
          holdExpiresAt: new Date(now.getTime() + holdMinutes * 60_000),
          source: context.source,
        },
        select: appointmentSelect,
      });
    });
  } catch (error) {
    throw await asSlotTaken(error, db, slot, now);
  }
}

export async function cancelAppointment(db: TenantDb, id: string, reason: string | undefined, now = new Date()) {
  const appointment = await db.appointment.findUnique({ where: { id }, select: { status: true } });
  if (!appointment) throw new AppError("NOT_FOUND", "appointment not found");
  if (appointment.status === "cancelled")
    return db.appointment.findUniqueOrThrow({ where: { id }, select: appointmentSelect });
  if (appointment.status !== "booked" && appointment.status !== "held") {
    throw new AppError("CONFLICT", `a ${appointment.status.replace("_", "-")} appointment can't be cancelled`);
  }
  return db.$transaction(async (tx) => {
    const cancelled = await tx.appointment.update({
      where: { id },
      data: { status: "cancelled", cancelledAt: now, cancelReason: reason ?? null },
      select: appointmentSelect,
    });
    if (appointment.status === "booked") {
      await cancelPendingReminders(tx, id);
      await queueAppointmentSms(tx, db.orgId, id, "cancellation", now);
    }
    return cancelled;
  });
}

/**
 * Moves an appointment in one transaction: the new slot is taken before the old one is freed,
 * so a failure leaves the original booking untouched. The overlap check is deferred to commit,
 * which lets an appointment move by less than its own length.
 */
export async function rescheduleAppointment(
  db: TenantDb,
  raw: z.input<typeof rescheduleInput>,
  context: { source: BookingSource; now?: Date },
) {
  const input = rescheduleInput.parse(raw);
  const now = context.now ?? new Date();
  const old = await db.appointment.findUnique({ where: { id: input.appointmentId } });
  if (!old) throw new AppError("NOT_FOUND", "appointment not found");
  if (old.status !== "booked")
    throw new AppError("CONFLICT", `only a booked appointment can be moved (this one is ${old.status})`);
  const slot = {
    appointmentTypeId: old.appointmentTypeId,
    providerId: input.providerId ?? old.providerId,
    startsAt: input.startsAt,
  };
  // The appointment's own time counts as free: a small move overlaps where it is now.
  await assertBookable(db, slot, now, old.id);
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET CONSTRAINTS appointments_no_overlap DEFERRED`;
      const block = await blockFor(tx, slot);
      await releaseExpiredHolds(tx, slot.providerId, block, now);
      const moved = await tx.appointment.create({
        data: {
          orgId: db.orgId,
          providerId: slot.providerId,
          appointmentTypeId: old.appointmentTypeId,
          patientId: old.patientId,
          status: "booked",
          ...block,
          source: context.source,
          notes: old.notes,
          rescheduledFromId: old.id,
        },
        select: { id: true },
      });
      await tx.appointment.update({
        where: { id: old.id },
        data: { status: "cancelled", cancelledAt: now, cancelReason: "rescheduled" },
      });
      await cancelPendingReminders(tx, old.id);
      await queueAppointmentSms(tx, db.orgId, moved.id, "reschedule", now);
      return tx.appointment.findUniqueOrThrow({ where: { id: moved.id }, select: appointmentSelect });
    });
  } catch (error) {
    throw await asSlotTaken(error, db, slot, now);
  }
}

/** Marks holds past their expiry as released (availability already ignores them). */
export const releaseExpiredHoldsEverywhere = (db: { $executeRaw: TenantDb["$executeRaw"] }, now = new Date()) =>
  db.$executeRaw`UPDATE appointments SET status = 'cancelled', "cancelledAt" = ${now}, "cancelReason" = 'hold expired', "updatedAt" = ${now}
    WHERE status = 'held' AND "holdExpiresAt" <= ${now}`;
