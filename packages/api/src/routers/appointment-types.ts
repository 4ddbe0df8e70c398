import { createAppointmentType, listAppointmentTypes, updateAppointmentType } from "@frontdesk/core/appointment-types";
import { appointmentTypeInput, appointmentTypeRow, updateAppointmentTypeInput } from "@frontdesk/core/schemas";
import { z } from "zod";
import { clinicProcedureWith, router } from "../trpc";

// Like providers: everyone who books reads the types; changing them is clinic configuration.
export const appointmentTypesRouter = router({
  list: clinicProcedureWith("appointments:manage")
    .output(z.array(appointmentTypeRow))
    .query(({ ctx }) => listAppointmentTypes(ctx.db)),
  create: clinicProcedureWith("clinic:update")
    .input(appointmentTypeInput)
    .output(appointmentTypeRow)
    .mutation(({ ctx, input }) => createAppointmentType(ctx.db, ctx.origin, input)),
  update: clinicProcedureWith("clinic:update")
    .input(updateAppointmentTypeInput)
    .output(appointmentTypeRow)
    .mutation(({ ctx, input }) => updateAppointmentType(ctx.db, ctx.origin, input)),
});
