// Appointments at the edges: what booking, holding, moving and cancelling accept, the open
// slots availability offers, and the appointment row procedures return. Client-safe (zod and
// Prisma's generated enums only), so the web app's forms validate with the same rules.
import { z } from "zod";
import { AppointmentStatus, BookingSource } from "../generated/prisma/enums";
import { patientInput } from "../patients/schemas";
import { inOrderWithin, instant, localDate } from "../time/schemas";

export const appointmentStatus = z.enum(AppointmentStatus);
export const bookingSource = z.enum(BookingSource);

const MAX_RANGE_DAYS = 62;

export const availabilityInput = z
  .object({
    appointmentTypeId: z.uuid(),
    providerId: z.uuid().optional(),
    from: localDate,
    to: localDate,
    limit: z.number().int().min(1).max(1000).default(200),
    /** When moving this appointment: its current time counts as free. */
    movingAppointmentId: z.uuid().optional(),
  })
  .refine((v) => v.from <= v.to, { message: "`from` must not be after `to`", path: ["to"] })
  .refine((v) => (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 < MAX_RANGE_DAYS, {
    message: `ask for at most ${MAX_RANGE_DAYS} days at a time`,
    path: ["to"],
  });

/** An open start time for one provider, with the words a voice agent can say. */
export const slot = z.object({
  providerId: z.string(),
  providerName: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  spoken: z.string(),
});
export type Slot = z.infer<typeof slot>;

export const availability = z.object({ timezone: z.string(), slots: z.array(slot) });

/**
 * The `details` of a CONFLICT for a taken slot, as a client receives them (times as ISO
 * strings): the nearest open alternatives.
 */
export const slotTakenDetails = z.object({
  reason: z.literal("slot_taken"),
  alternatives: z.array(slot.extend({ startsAt: z.coerce.date(), endsAt: z.coerce.date() })),
});

/** One provider, one type, one start: what a hold or a booking asks for. */
export const holdInput = z.object({
  appointmentTypeId: z.uuid(),
  providerId: z.uuid(),
  startsAt: instant,
});

export const bookInput = holdInput
  .extend({
    patient: patientInput.optional(),
    patientId: z.uuid().optional(),
    notes: z.string().max(2000).optional(),
    /** Retrying with the same key returns the first booking instead of making a second. */
    idempotencyKey: z.string().min(8).max(200).optional(),
    /** Turn this caller's hold into the booking (same slot). */
    holdId: z.uuid().optional(),
  })
  .refine((v) => Boolean(v.patient) !== Boolean(v.patientId), {
    message: "give either the patient's details or patientId",
    path: ["patient"],
  });

export const rescheduleInput = z.object({
  appointmentId: z.uuid(),
  providerId: z.uuid().optional(),
  startsAt: instant,
});

export const cancelInput = z.object({ appointmentId: z.uuid(), reason: z.string().max(500).optional() });

/** Three years: the patient record asks for a year either side of today. */
const MAX_LIST_DAYS = 1096;

export const listAppointmentsInput = z
  .object({
    from: instant,
    to: instant,
    providerId: z.uuid().optional(),
    patientId: z.uuid().optional(),
  })
  .superRefine(inOrderWithin(MAX_LIST_DAYS));

export const appointmentRow = z.object({
  id: z.string(),
  status: appointmentStatus,
  startsAt: z.date(),
  endsAt: z.date(),
  holdExpiresAt: z.date().nullable(),
  source: bookingSource,
  notes: z.string().nullable(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  rescheduledFromId: z.string().nullable(),
  createdAt: z.date(),
  provider: z.object({ id: z.string(), name: z.string() }),
  appointmentType: z.object({ id: z.string(), name: z.string(), durationMinutes: z.number() }),
  patient: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), phone: z.string() }).nullable(),
});
