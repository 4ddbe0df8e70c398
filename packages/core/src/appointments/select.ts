import type { Prisma } from "../db";

/** The columns of `appointmentRow` (./schemas), as every appointment use case returns them. */
export const appointmentSelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  holdExpiresAt: true,
  source: true,
  notes: true,
  cancelledAt: true,
  cancelReason: true,
  rescheduledFromId: true,
  createdAt: true,
  provider: { select: { id: true, name: true } },
  appointmentType: { select: { id: true, name: true, durationMinutes: true } },
  patient: { select: { id: true, firstName: true, lastName: true, phone: true } },
} as const satisfies Prisma.AppointmentSelect;
