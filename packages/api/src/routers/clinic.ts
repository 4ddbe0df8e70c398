import { deleteClinic, getClinic, getClinicOverview, leaveClinic, updateClinic } from "@frontdesk/core";
import {
  clinicOverviewSchema,
  clinicSchema,
  deleteClinicInput,
  myClinicSchema,
  updateClinicInput,
} from "@frontdesk/core/schemas";
import { z } from "zod";
import { clinicProcedure, clinicProcedureWith, okOutput, router } from "../trpc";

export const clinicRouter = router({
  get: clinicProcedure.output(myClinicSchema).query(({ ctx }) => getClinic(ctx.db, ctx.clinic.role)),

  overview: clinicProcedure.output(clinicOverviewSchema).query(({ ctx }) => getClinicOverview(ctx.db)),

  update: clinicProcedureWith("clinic:update")
    .input(updateClinicInput)
    .output(clinicSchema)
    .mutation(({ ctx, input }) => updateClinic(ctx.db, ctx.origin, input)),

  delete: clinicProcedureWith("clinic:delete")
    .input(deleteClinicInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteClinic(ctx.db, ctx.origin, input)),

  leave: clinicProcedure.output(okOutput).mutation(async ({ ctx }) => {
    await leaveClinic(ctx.db, ctx.origin);
    return { ok: true as const };
  }),
});
