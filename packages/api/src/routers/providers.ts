import {
  addOverride,
  createProvider,
  listOverrides,
  listProviders,
  removeOverride,
  setWeeklyHours,
  updateProvider,
} from "@frontdesk/core/providers";
import {
  listOverridesInput,
  overrideInput,
  overrideRow,
  providerInput,
  providerRow,
  removeOverrideInput,
  updateProviderInput,
  weeklyHoursInput,
} from "@frontdesk/core/schemas";
import { z } from "zod";
import { clinicProcedureWith, router } from "../trpc";

/** Reading the set-up is for everyone who books; changing it is clinic configuration. */
const reader = clinicProcedureWith("appointments:manage");
const editor = clinicProcedureWith("clinic:update");

export const providersRouter = router({
  list: reader.output(z.array(providerRow)).query(({ ctx }) => listProviders(ctx.db)),
  create: editor
    .input(providerInput)
    .output(providerRow)
    .mutation(({ ctx, input }) => createProvider(ctx.db, ctx.origin, input)),
  update: editor
    .input(updateProviderInput)
    .output(providerRow)
    .mutation(({ ctx, input }) => updateProvider(ctx.db, ctx.origin, input)),
  setHours: editor
    .input(weeklyHoursInput)
    .output(providerRow)
    .mutation(({ ctx, input }) => setWeeklyHours(ctx.db, ctx.origin, input)),
  overrides: reader
    .input(listOverridesInput)
    .output(z.array(overrideRow))
    .query(({ ctx, input }) => listOverrides(ctx.db, input)),
  addOverride: editor
    .input(overrideInput)
    .output(overrideRow)
    .mutation(({ ctx, input }) => addOverride(ctx.db, ctx.origin, input)),
  removeOverride: editor
    .input(removeOverrideInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await removeOverride(ctx.db, ctx.origin, input);
      return { ok: true as const };
    }),
});
