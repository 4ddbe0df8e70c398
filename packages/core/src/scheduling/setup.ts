// The clinic's scheduling set-up: providers, what they offer, their weekly hours, date
// overrides, and appointment types. Every write goes through the tenant client, and every id
// a caller passes is looked up through it first, so another clinic's ids are simply not found.
import type { z } from "zod";
import { appointmentTypeInput } from "../appointment-types/schemas";
import type { Prisma } from "../db";
import { AppError } from "../errors";
import { overrideInput, providerInput, weeklyHoursInput } from "../providers/schemas";
import type { TenantDb } from "../tenancy";

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
