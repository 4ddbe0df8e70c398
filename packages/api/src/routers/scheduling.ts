import {
  addOverride,
  appointmentTypeInput,
  findOrCreatePatient,
  getPatient,
  listAppointmentTypes,
  listOverrides,
  listPatients,
  listPatientsInput,
  listProviders,
  overrideInput,
  patientInput,
  providerInput,
  removeOverride,
  saveAppointmentType,
  saveProvider,
  setWeeklyHours,
  updatePatient,
  updatePatientInput,
  weeklyHoursInput,
} from "@frontdesk/core/scheduling";
import {
  appointmentTypeRow,
  listOverridesInput,
  overrideRow,
  patientIdInput,
  patientPage,
  patientRow,
  providerRow,
  removeOverrideInput,
  updateAppointmentTypeInput,
  updateProviderInput,
} from "@frontdesk/core/schemas";
import { z } from "zod";
import { orgProcedureWith, router } from "../trpc";

const ok = z.object({ ok: z.literal(true) });

/** Reading the set-up is for everyone who books; changing it is clinic configuration. */
const reader = orgProcedureWith("appointments:manage");
const editor = orgProcedureWith("clinic:update");

export const providersRouter = router({
  list: reader.output(z.array(providerRow)).query(({ ctx }) => listProviders(ctx.db)),
  create: editor
    .input(providerInput)
    .output(providerRow)
    .mutation(async ({ ctx, input }) => {
      const created = await saveProvider(ctx.db, null, input);
      await ctx.audit({ action: "provider.create", targetType: "provider", targetId: created.id });
      return created;
    }),
  update: editor
    .input(updateProviderInput)
    .output(providerRow)
    .mutation(async ({ ctx, input: { providerId, ...input } }) => {
      const current = await ctx.db.provider.findUniqueOrThrow({ where: { id: providerId } });
      const updated = await saveProvider(ctx.db, providerId, { name: current.name, ...input });
      await ctx.audit({ action: "provider.update", targetType: "provider", targetId: providerId });
      return updated;
    }),
  setHours: editor
    .input(weeklyHoursInput)
    .output(providerRow)
    .mutation(async ({ ctx, input }) => {
      const updated = await setWeeklyHours(ctx.db, input);
      await ctx.audit({ action: "provider.hours", targetType: "provider", targetId: input.providerId });
      return updated;
    }),
  overrides: reader
    .input(listOverridesInput)
    .output(z.array(overrideRow))
    .query(({ ctx, input }) => listOverrides(ctx.db, input.from, input.to)),
  addOverride: editor
    .input(overrideInput)
    .output(overrideRow)
    .mutation(async ({ ctx, input }) => {
      const created = await addOverride(ctx.db, input);
      await ctx.audit({
        action: "schedule.override",
        targetType: "override",
        targetId: created.id,
        metadata: { date: input.date },
      });
      return created;
    }),
  removeOverride: editor
    .input(removeOverrideInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await removeOverride(ctx.db, input.overrideId);
      await ctx.audit({ action: "schedule.removeOverride", targetType: "override", targetId: input.overrideId });
      return { ok: true as const };
    }),
});

export const appointmentTypesRouter = router({
  list: reader.output(z.array(appointmentTypeRow)).query(({ ctx }) => listAppointmentTypes(ctx.db)),
  create: editor
    .input(appointmentTypeInput)
    .output(appointmentTypeRow)
    .mutation(async ({ ctx, input }) => {
      const created = await saveAppointmentType(ctx.db, null, input);
      await ctx.audit({ action: "appointmentType.create", targetType: "appointmentType", targetId: created.id });
      return created;
    }),
  update: editor
    .input(updateAppointmentTypeInput)
    .output(appointmentTypeRow)
    .mutation(async ({ ctx, input: { appointmentTypeId, ...input } }) => {
      const updated = await saveAppointmentType(ctx.db, appointmentTypeId, input);
      await ctx.audit({ action: "appointmentType.update", targetType: "appointmentType", targetId: appointmentTypeId });
      return updated;
    }),
});

export const patientsRouter = router({
  list: orgProcedureWith("patients:read")
    .input(listPatientsInput)
    .output(patientPage)
    .query(({ ctx, input }) => listPatients(ctx.db, input)),
  get: orgProcedureWith("patients:read")
    .input(patientIdInput)
    .output(patientRow)
    .query(async ({ ctx, input }) => {
      const found = await getPatient(ctx.db, input.patientId);
      await ctx.audit({ action: "patient.view", targetType: "patient", targetId: input.patientId });
      return found;
    }),
  create: orgProcedureWith("appointments:manage")
    .input(patientInput)
    .output(patientRow)
    .mutation(async ({ ctx, input }) => {
      const created = await findOrCreatePatient(ctx.db, input);
      await ctx.audit({ action: "patient.create", targetType: "patient", targetId: created.id });
      return created;
    }),
  update: orgProcedureWith("appointments:manage")
    .input(updatePatientInput)
    .output(patientRow)
    .mutation(async ({ ctx, input: { patientId, ...input } }) => {
      const updated = await updatePatient(ctx.db, patientId, input);
      await ctx.audit({ action: "patient.update", targetType: "patient", targetId: patientId });
      return updated;
    }),
});
