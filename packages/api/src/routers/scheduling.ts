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
import { z } from "zod";
import { orgProcedureWith, router } from "../trpc";

const hours = z.object({ weekday: z.number(), startMinute: z.number(), endMinute: z.number() });
const provider = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  color: z.string().nullable(),
  active: z.boolean(),
  appointmentTypes: z.array(z.object({ appointmentTypeId: z.string() })),
  workingHours: z.array(hours),
});
const appointmentType = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  durationMinutes: z.number(),
  bufferBeforeMinutes: z.number(),
  bufferAfterMinutes: z.number(),
  active: z.boolean(),
  providers: z.array(z.object({ providerId: z.string() })),
});
const override = z.object({
  id: z.string(),
  providerId: z.string().nullable(),
  date: z.date(),
  kind: z.enum(["closed", "open"]),
  startMinute: z.number().nullable(),
  endMinute: z.number().nullable(),
  reason: z.string().nullable(),
});
const patient = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  dateOfBirth: z.date().nullable(),
  notes: z.string().nullable(),
  createdAt: z.date(),
});
const ok = z.object({ ok: z.literal(true) });

/** Reading the set-up is for everyone who books; changing it is clinic configuration. */
const reader = orgProcedureWith("appointments:manage");
const editor = orgProcedureWith("clinic:update");

export const providersRouter = router({
  list: reader.output(z.array(provider)).query(({ ctx }) => listProviders(ctx.db)),
  create: editor
    .input(providerInput)
    .output(provider)
    .mutation(async ({ ctx, input }) => {
      const created = await saveProvider(ctx.db, null, input);
      await ctx.audit({ action: "provider.create", targetType: "provider", targetId: created.id });
      return created;
    }),
  update: editor
    .input(providerInput.partial().extend({ providerId: z.uuid() }))
    .output(provider)
    .mutation(async ({ ctx, input: { providerId, ...input } }) => {
      const current = await ctx.db.provider.findUniqueOrThrow({ where: { id: providerId } });
      const updated = await saveProvider(ctx.db, providerId, { name: current.name, ...input });
      await ctx.audit({ action: "provider.update", targetType: "provider", targetId: providerId });
      return updated;
    }),
  setHours: editor
    .input(weeklyHoursInput)
    .output(provider)
    .mutation(async ({ ctx, input }) => {
      const updated = await setWeeklyHours(ctx.db, input);
      await ctx.audit({ action: "provider.hours", targetType: "provider", targetId: input.providerId });
      return updated;
    }),
  overrides: reader
    .input(z.object({ from: z.coerce.date(), to: z.coerce.date() }))
    .output(z.array(override))
    .query(({ ctx, input }) => listOverrides(ctx.db, input.from, input.to)),
  addOverride: editor
    .input(overrideInput)
    .output(override)
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
    .input(z.object({ overrideId: z.uuid() }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await removeOverride(ctx.db, input.overrideId);
      await ctx.audit({ action: "schedule.removeOverride", targetType: "override", targetId: input.overrideId });
      return { ok: true as const };
    }),
});

export const appointmentTypesRouter = router({
  list: reader.output(z.array(appointmentType)).query(({ ctx }) => listAppointmentTypes(ctx.db)),
  create: editor
    .input(appointmentTypeInput)
    .output(appointmentType)
    .mutation(async ({ ctx, input }) => {
      const created = await saveAppointmentType(ctx.db, null, input);
      await ctx.audit({ action: "appointmentType.create", targetType: "appointmentType", targetId: created.id });
      return created;
    }),
  update: editor
    .input(appointmentTypeInput.extend({ appointmentTypeId: z.uuid() }))
    .output(appointmentType)
    .mutation(async ({ ctx, input: { appointmentTypeId, ...input } }) => {
      const updated = await saveAppointmentType(ctx.db, appointmentTypeId, input);
      await ctx.audit({ action: "appointmentType.update", targetType: "appointmentType", targetId: appointmentTypeId });
      return updated;
    }),
});

export const patientsRouter = router({
  list: orgProcedureWith("patients:read")
    .input(listPatientsInput)
    .output(z.object({ items: z.array(patient), nextCursor: z.string().optional() }))
    .query(({ ctx, input }) => listPatients(ctx.db, input)),
  get: orgProcedureWith("patients:read")
    .input(z.object({ patientId: z.uuid() }))
    .output(patient)
    .query(async ({ ctx, input }) => {
      const found = await getPatient(ctx.db, input.patientId);
      await ctx.audit({ action: "patient.view", targetType: "patient", targetId: input.patientId });
      return found;
    }),
  create: orgProcedureWith("appointments:manage")
    .input(patientInput)
    .output(patient)
    .mutation(async ({ ctx, input }) => {
      const created = await findOrCreatePatient(ctx.db, input);
      await ctx.audit({ action: "patient.create", targetType: "patient", targetId: created.id });
      return created;
    }),
  update: orgProcedureWith("appointments:manage")
    .input(updatePatientInput.extend({ patientId: z.uuid() }))
    .output(patient)
    .mutation(async ({ ctx, input: { patientId, ...input } }) => {
      const updated = await updatePatient(ctx.db, patientId, input);
      await ctx.audit({ action: "patient.update", targetType: "patient", targetId: patientId });
      return updated;
    }),
});
