import {
  bookAppointment,
  cancelAppointment,
  findOpenSlots,
  holdSlot,
  listAppointments,
  rescheduleAppointment,
} from "@frontdesk/core/appointments";
import {
  appointmentRow,
  availability,
  availabilityInput,
  bookInput,
  cancelInput,
  holdInput,
  listAppointmentsInput,
  rescheduleInput,
} from "@frontdesk/core/schemas";
import { z } from "zod";
import { clinicProcedureWith, router } from "../trpc";

const booker = clinicProcedureWith("appointments:manage");

export const appointmentsRouter = router({
  availability: booker
    .input(availabilityInput)
    .output(availability)
    .query(({ ctx, input }) => findOpenSlots(ctx.db, input)),
  list: booker
    .input(listAppointmentsInput)
    .output(z.array(appointmentRow))
    .query(({ ctx, input }) => listAppointments(ctx.db, input)),
  hold: booker
    .input(holdInput)
    .output(appointmentRow)
    .mutation(({ ctx, input }) => holdSlot(ctx.db, ctx.origin, input)),
  book: booker
    .input(bookInput)
    .output(appointmentRow)
    .mutation(({ ctx, input }) => bookAppointment(ctx.db, ctx.origin, input)),
  cancel: booker
    .input(cancelInput)
    .output(appointmentRow)
    .mutation(({ ctx, input }) => cancelAppointment(ctx.db, ctx.origin, input)),
  reschedule: booker
    .input(rescheduleInput)
    .output(appointmentRow)
    .mutation(({ ctx, input }) => rescheduleAppointment(ctx.db, ctx.origin, input)),
});
