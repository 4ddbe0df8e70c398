import { deleteClinic, getClinic, leaveClinic, updateClinic } from "@frontdesk/core";
import { clinicSchema, deleteClinicInput, myClinicSchema, updateClinicInput } from "@frontdesk/core/schemas";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { orgProcedure, orgProcedureWith, router } from "../trpc";

export const clinicRouter = router({
  get: orgProcedure.output(myClinicSchema).query(async ({ ctx }) => ({
    ...(await getClinic(ctx.db)),
    myRole: ctx.org.role,
  })),

  update: orgProcedureWith("clinic:update")
    .input(updateClinicInput)
    .output(clinicSchema)
    .mutation(async ({ ctx, input }) => {
      const updated = await updateClinic(ctx.db, input);
      await ctx.audit({
        action: "clinic.update",
        targetType: "organization",
        targetId: ctx.org.id,
        metadata: { fields: Object.keys(input) },
      });
      return updated;
    }),

  delete: orgProcedureWith("clinic:delete")
    .input(deleteClinicInput)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const current = await getClinic(ctx.db);
      if (input.confirmName.trim() !== current.name) {
        throw new TRPCError({ code: "BAD_REQUEST", message: `type the clinic's name, "${current.name}", to confirm` });
      }
      await ctx.audit({ action: "clinic.delete", targetType: "organization", targetId: ctx.org.id });
      return deleteClinic(ctx.db);
    }),

  leave: orgProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    if (ctx.actor.type !== "user")
      throw new TRPCError({ code: "FORBIDDEN", message: "an API key cannot leave a clinic; revoke it instead" });
    await ctx.audit({ action: "team.leave", targetType: "user", targetId: ctx.actor.userId });
    await leaveClinic(ctx.db, ctx.actor.userId);
    return { ok: true as const };
  }),
});
