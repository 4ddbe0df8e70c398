import {
  appointmentSelect,
  availabilityInput,
  bookAppointment,
  bookInput,
  cancelAppointment,
  findOpenSlots,
  holdInput,
  holdSlot,
  rescheduleAppointment,
  rescheduleInput,
} from "@frontdesk/core/scheduling";
import { z } from "zod";
import { orgProcedureWith, router } from "../trpc";

const slot = z.object({
  providerId: z.string(),
  providerName: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  spoken: z.string(),
});

const appointment = z.object({
  id: z.string(),
  status: z.enum(["held", "booked", "cancelled", "completed", "no_show"]),
  startsAt: z.date(),
  endsAt: z.date(),
  holdExpiresAt: z.date().nullable(),
  source: z.enum(["agent", "dashboard", "api"]),
  notes: z.string().nullable(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  rescheduledFromId: z.string().nullable(),
  createdAt: z.date(),
  provider: z.object({ id: z.string(), name: z.string() }),
  appointmentType: z.object({ id: z.string(), name: z.string(), durationMinutes: z.number() }),
  patient: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), phone: z.string() }).nullable(),
});

/** Who is booking: the dashboard for people, the API for keys. */
const sourceOf = (actor: { type: string }): "api" | "dashboard" => (actor.type === "api_key" ? "api" : "dashboard");

export const appointmentsRouter = router({
  availability: orgProcedureWith("appointments:manage")
    .input(availabilityInput)
    .output(z.object({ timezone: z.string(), slots: z.array(slot) }))
    .query(({ ctx, input }) => findOpenSlots(ctx.db, input)),

  list: orgProcedureWith("appointments:manage")
    .input(
      z.object({
        from: z.coerce.date(),
        to: z.coerce.date(),
        providerId: z.uuid().optional(),
        patientId: z.uuid().optional(),
      }),
    )
    .output(z.array(appointment))
    .query(({ ctx, input }) =>
      ctx.db.appointment.findMany({
        where: {
          providerId: input.providerId,
          patientId: input.patientId,
          startsAt: { gte: input.from, lt: input.to },
          status: { not: "cancelled" },
        },
        select: appointmentSelect,
        orderBy: { startsAt: "asc" },
        take: 2000,
      }),
    ),

  hold: orgProcedureWith("appointments:manage")
    .input(holdInput)
    .output(appointment)
    .mutation(({ ctx, input }) => holdSlot(ctx.db, input, { source: sourceOf(ctx.actor) })),

  book: orgProcedureWith("appointments:manage")
    .input(bookInput)
    .output(appointment)
    .mutation(async ({ ctx, input }) => {
      const booked = await bookAppointment(ctx.db, input, { source: sourceOf(ctx.actor) });
      await ctx.audit({ action: "appointment.book", targetType: "appointment", targetId: booked.id });
      return booked;
    }),

  cancel: orgProcedureWith("appointments:manage")
    .input(z.object({ appointmentId: z.uuid(), reason: z.string().max(500).optional() }))
    .output(appointment)
    .mutation(async ({ ctx, input }) => {
      const cancelled = await cancelAppointment(ctx.db, input.appointmentId, input.reason);
      await ctx.audit({ action: "appointment.cancel", targetType: "appointment", targetId: input.appointmentId });
      return cancelled;
    }),

  reschedule: orgProcedureWith("appointments:manage")
    .input(rescheduleInput)
    .output(appointment)
    .mutation(async ({ ctx, input }) => {
      const moved = await rescheduleAppointment(ctx.db, input, { source: sourceOf(ctx.actor) });
      await ctx.audit({
        action: "appointment.reschedule",
        targetType: "appointment",
        targetId: moved.id,
        metadata: { from: input.appointmentId },
      });
      return moved;
    }),
});
