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
import { appointmentRow, availability, cancelInput, listAppointmentsInput } from "@frontdesk/core/schemas";
import { z } from "zod";
import { orgProcedureWith, router } from "../trpc";

/** Who is booking: the dashboard for people, the API for keys. */
const sourceOf = (actor: { type: string }): "api" | "dashboard" => (actor.type === "api_key" ? "api" : "dashboard");

export const appointmentsRouter = router({
  availability: orgProcedureWith("appointments:manage")
    .input(availabilityInput)
    .output(availability)
    .query(({ ctx, input }) => findOpenSlots(ctx.db, input)),

  list: orgProcedureWith("appointments:manage")
    .input(listAppointmentsInput)
    .output(z.array(appointmentRow))
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
    .output(appointmentRow)
    .mutation(({ ctx, input }) => holdSlot(ctx.db, input, { source: sourceOf(ctx.actor) })),

  book: orgProcedureWith("appointments:manage")
    .input(bookInput)
    .output(appointmentRow)
    .mutation(async ({ ctx, input }) => {
      const booked = await bookAppointment(ctx.db, input, { source: sourceOf(ctx.actor) });
      await ctx.audit({ action: "appointment.book", targetType: "appointment", targetId: booked.id });
      return booked;
    }),

  cancel: orgProcedureWith("appointments:manage")
    .input(cancelInput)
    .output(appointmentRow)
    .mutation(async ({ ctx, input }) => {
      const cancelled = await cancelAppointment(ctx.db, input.appointmentId, input.reason);
      await ctx.audit({ action: "appointment.cancel", targetType: "appointment", targetId: input.appointmentId });
      return cancelled;
    }),

  reschedule: orgProcedureWith("appointments:manage")
    .input(rescheduleInput)
    .output(appointmentRow)
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
