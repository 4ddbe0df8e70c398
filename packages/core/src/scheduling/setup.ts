// The clinic's scheduling set-up: providers, what they offer, their weekly hours, date
// overrides, and appointment types. Every write goes through the tenant client, and every id
// a caller passes is looked up through it first, so another clinic's ids are simply not found.
import { z } from "zod";
import type { Prisma } from "../db";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";

const minuteOfDay = z.number().int().min(0).max(1440);
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "use a colour like #2563eb");

export const providerInput = z.object({
  name: z.string().trim().min(1, "enter the provider's name").max(120),
  title: z.string().trim().max(60).nullish(),
  email: z.email().nullish(),
  phone: z.string().max(32).nullish(),
  color: hexColor.nullish(),
  active: z.boolean().optional(),
  appointmentTypeIds: z.array(z.uuid()).max(100).optional(),
});

export const providerSelect = {
  id: true,
  name: true,
  title: true,
  email: true,
  phone: true,
  color: true,
  active: true,
  appointmentTypes: { select: { appointmentTypeId: true } },
  workingHours: {
    select: { weekday: true, startMinute: true, endMinute: true },
    orderBy: [{ weekday: "asc" as const }, { startMinute: "asc" as const }],
  },
} satisfies Prisma.ProviderSelect;

export const listProviders = (db: TenantDb) =>
  db.provider.findMany({ select: providerSelect, orderBy: { name: "asc" } });

async function assertTypesExist(db: TenantDb, ids: string[] | undefined) {
  if (!ids?.length) return;
  const found = await db.appointmentType.count({ where: { id: { in: ids } } });
  if (found !== new Set(ids).size) throw new AppError("NOT_FOUND", "appointment type not found");
}

export async function saveProvider(db: TenantDb, id: string | null, raw: z.input<typeof providerInput>) {
  const { appointmentTypeIds, ...data } = providerInput.parse(raw);
  await assertTypesExist(db, appointmentTypeIds);
  return db.$transaction(async (tx) => {
    const provider = id
      ? await tx.provider.update({ where: { id }, data, select: { id: true } })
      : await tx.provider.create({ data: { ...data, orgId: db.orgId }, select: { id: true } });
    if (appointmentTypeIds) {
      await tx.providerAppointmentType.deleteMany({ where: { providerId: provider.id } });
      await tx.providerAppointmentType.createMany({
        data: appointmentTypeIds.map((appointmentTypeId) => ({
          orgId: db.orgId,
          providerId: provider.id,
          appointmentTypeId,
        })),
      });
    }
    return tx.provider.findUniqueOrThrow({ where: { id: provider.id }, select: providerSelect });
  });
}

export const weeklyHoursInput = z.object({
  providerId: z.uuid(),
  hours: z
    .array(z.object({ weekday: z.number().int().min(0).max(6), startMinute: minuteOfDay, endMinute: minuteOfDay }))
    .max(50)
    .refine((hours) => hours.every((h) => h.startMinute < h.endMinute), "each shift must end after it starts")
    .refine((hours) => {
      const byDay = [...hours].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
      return byDay.every(
        (h, i) => i === 0 || byDay[i - 1]?.weekday !== h.weekday || (byDay[i - 1]?.endMinute ?? 0) <= h.startMinute,
      );
    }, "shifts on the same day must not overlap"),
});

/** Replaces a provider's weekly hours (several shifts a day allowed). */
export async function setWeeklyHours(db: TenantDb, raw: z.input<typeof weeklyHoursInput>) {
  const { providerId, hours } = weeklyHoursInput.parse(raw);
  if (!(await db.provider.findUnique({ where: { id: providerId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "provider not found");
  }
  return db.$transaction(async (tx) => {
    await tx.workingHours.deleteMany({ where: { providerId } });
    await tx.workingHours.createMany({ data: hours.map((h) => ({ ...h, orgId: db.orgId, providerId })) });
    return tx.provider.findUniqueOrThrow({ where: { id: providerId }, select: providerSelect });
  });
}

export const overrideInput = z
  .object({
    providerId: z.uuid().nullable(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2030-12-24"),
    kind: z.enum(["closed", "open"]),
    startMinute: minuteOfDay.nullish(),
    endMinute: minuteOfDay.nullish(),
    reason: z.string().max(200).nullish(),
  })
  .refine((o) => o.kind === "closed" || (o.startMinute != null && o.endMinute != null && o.startMinute < o.endMinute), {
    message: "extra hours need a start and an end, the end after the start",
    path: ["endMinute"],
  });

export const overrideSelect = {
  id: true,
  providerId: true,
  date: true,
  kind: true,
  startMinute: true,
  endMinute: true,
  reason: true,
} as const;

export const listOverrides = (db: TenantDb, from: Date, to: Date) =>
  db.scheduleOverride.findMany({
    where: { date: { gte: from, lte: to } },
    select: overrideSelect,
    orderBy: { date: "asc" },
  });

export async function addOverride(db: TenantDb, raw: z.input<typeof overrideInput>) {
  const o = overrideInput.parse(raw);
  if (o.providerId && !(await db.provider.findUnique({ where: { id: o.providerId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "provider not found");
  }
  return db.scheduleOverride.create({
    data: {
      orgId: db.orgId,
      providerId: o.providerId,
      date: new Date(`${o.date}T00:00:00Z`),
      kind: o.kind,
      startMinute: o.kind === "open" ? o.startMinute : null,
      endMinute: o.kind === "open" ? o.endMinute : null,
      reason: o.reason,
    },
    select: overrideSelect,
  });
}

export async function removeOverride(db: TenantDb, id: string) {
  const { count } = await db.scheduleOverride.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("NOT_FOUND", "override not found");
}

export const appointmentTypeInput = z.object({
  name: z.string().trim().min(1, "name the appointment type").max(120),
  description: z.string().max(500).nullish(),
  durationMinutes: z.number().int().min(5, "at least 5 minutes").max(480, "at most 8 hours"),
  bufferBeforeMinutes: z.number().int().min(0).max(120).optional(),
  bufferAfterMinutes: z.number().int().min(0).max(120).optional(),
  active: z.boolean().optional(),
});

export const appointmentTypeSelect = {
  id: true,
  name: true,
  description: true,
  durationMinutes: true,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  active: true,
  providers: { select: { providerId: true } },
} as const;

export const listAppointmentTypes = (db: TenantDb) =>
  db.appointmentType.findMany({ select: appointmentTypeSelect, orderBy: { name: "asc" } });

export const saveAppointmentType = (db: TenantDb, id: string | null, raw: z.input<typeof appointmentTypeInput>) => {
  const data = appointmentTypeInput.parse(raw);
  return id
    ? db.appointmentType.update({ where: { id }, data, select: appointmentTypeSelect })
    : db.appointmentType.create({ data: { ...data, orgId: db.orgId }, select: appointmentTypeSelect });
};
