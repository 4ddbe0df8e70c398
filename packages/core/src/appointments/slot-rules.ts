// The rules booking, holding and moving share. What makes double-booking impossible is the
// database (the exclusion constraint on appointments); these turn a taken slot or a lost race
// into a typed "slot taken" answer with real alternatives.
import type { z } from "zod";
import { isDeadlock, type Prisma, sqlState } from "../db";
import { AppError } from "../errors";
import type { AppointmentStatus } from "../generated/prisma/enums";
import type { TenantDb, TenantTransaction } from "../tenancy";
import { formatLocalDate, wallClock } from "../time/zoned-time";
import { findOpenSlots, type SlotRules } from "./find-open-slots";
import type { holdInput, Slot } from "./schemas";

type SlotRequest = z.output<typeof holdInput>;

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

/**
 * The exclusion constraint refused a row (through Prisma, or from pg directly for `db.sql`).
 * Two overlapping rows inserted at the same moment each wait for the other in the constraint
 * and PostgreSQL ends one as a deadlock: that one lost the race just the same.
 */
export const isOverlap = (error: unknown) => {
  if (!(error instanceof Error)) return false;
  const pg = error as { constraint?: string; where?: string; meta?: unknown };
  if (sqlState(error) === "23P01" || pg.constraint === "appointments_no_overlap") return true;
  if (isDeadlock(error) && /exclusion constraint/.test(pg.where ?? "")) return true;
  return /appointments_no_overlap|23P01|exclusion constraint/.test(`${error.message} ${JSON.stringify(pg.meta ?? "")}`);
};

/** A lost race (the exclusion constraint) becomes SlotTakenError with real alternatives. */
export async function asSlotTaken(
  error: unknown,
  db: TenantDb,
  slot: { appointmentTypeId: string; startsAt: Date },
  now: Date,
) {
  return isOverlap(error)
    ? new SlotTakenError(await alternativesNear(db, slot.appointmentTypeId, slot.startsAt, now))
    : error;
}

/** The open slots nearest to `startsAt` for the same type (any provider), up to `count`. */
async function alternativesNear(db: TenantDb, appointmentTypeId: string, startsAt: Date, now: Date, count = 3) {
  const { timezone } = await db.clinic.findFirstOrThrow({ select: { timezone: true } });
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
export async function assertBookable(
  db: TenantDb,
  request: SlotRequest,
  now: Date,
  ignoreAppointmentId?: string,
  /** The clinic's rules and the type, when the caller already read them. */
  known?: SlotRules,
) {
  const { timezone } = known?.clinic ?? (await db.clinic.findFirstOrThrow({ select: { timezone: true } }));
  const date = formatLocalDate(wallClock(request.startsAt, timezone));
  const input = {
    appointmentTypeId: request.appointmentTypeId,
    providerId: request.providerId,
    from: date,
    to: date,
    limit: 1000,
  };
  const open = await findOpenSlots(db, input, now, ignoreAppointmentId, known);
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
export function blockOf(type: Durations, startsAt: Date) {
  const endsAt = new Date(startsAt.getTime() + type.durationMinutes * 60_000);
  return {
    startsAt,
    endsAt,
    blockStart: new Date(startsAt.getTime() - type.bufferBeforeMinutes * 60_000),
    blockEnd: new Date(endsAt.getTime() + type.bufferAfterMinutes * 60_000),
  };
}

async function blockFor(tx: TenantTransaction, request: SlotRequest, known?: SlotRules["type"]) {
  return blockOf(
    known?.id === request.appointmentTypeId
      ? known
      : await tx.appointmentType.findUniqueOrThrow({ where: { id: request.appointmentTypeId } }),
    request.startsAt,
  );
}

type SlotTaking = Omit<
  Prisma.AppointmentUncheckedCreateInput,
  "clinicId" | "providerId" | "appointmentTypeId" | "startsAt" | "endsAt" | "blockStart" | "blockEnd"
>;

/**
 * Takes the slot for a new appointment row (booked or held): its busy block from the type's
 * buffers, expired holds in the way released first. The exclusion constraint refuses it if
 * anyone else has the time; `asSlotTaken` turns that into alternatives.
 */
export async function takeSlot(
  tx: TenantTransaction,
  clinicId: string,
  slot: SlotRequest,
  now: Date,
  data: SlotTaking,
  /** The type's durations, when the caller already read them. */
  knownType?: SlotRules["type"],
): Promise<{ id: string }> {
  const block = await blockFor(tx, slot, knownType);
  await releaseExpiredHolds(tx, clinicId, slot.providerId, block, now);
  return tx.appointment.create({
    data: { ...data, clinicId, providerId: slot.providerId, appointmentTypeId: slot.appointmentTypeId, ...block },
    select: { id: true },
  });
}

/**
 * The appointment's status, its row locked until the transaction ends (null if there is none):
 * every state change reads the state it starts from here, so two concurrent changes of one
 * appointment run one after the other and the second sees what the first did.
 */
export async function lockAppointment(tx: TenantTransaction, id: string) {
  const [row] = await tx.$queryRaw<{ status: AppointmentStatus }[]>`
    SELECT status::text AS status FROM appointments WHERE id = ${id}::uuid FOR UPDATE`;
  return row ?? null;
}

/**
 * Holds past their expiry still sit in the constraint until released; releases the ones in the
 * way and answers how many there were.
 */
export function releaseExpiredHolds(
  db: TenantDb | TenantTransaction,
  clinicId: string,
  providerId: string,
  block: { blockStart: Date; blockEnd: Date },
  now: Date,
) {
  return db.$executeRaw`
    UPDATE appointments
       SET status = 'cancelled', "cancelledAt" = ${now}, "cancelReason" = 'hold expired', "updatedAt" = now()
     WHERE "clinicId" = ${clinicId}::uuid AND "providerId" = ${providerId}::uuid AND status = 'held'
       AND "holdExpiresAt" <= ${now} AND "blockStart" < ${block.blockEnd} AND "blockEnd" > ${block.blockStart}`;
}
