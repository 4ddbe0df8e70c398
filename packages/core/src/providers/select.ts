import type { Prisma } from "../db";

/** The columns of `providerRow` (./schemas). */
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

/** The columns of `overrideRow` (./schemas). */
export const overrideSelect = {
  id: true,
  providerId: true,
  date: true,
  kind: true,
  startMinute: true,
  endMinute: true,
  reason: true,
} as const;
