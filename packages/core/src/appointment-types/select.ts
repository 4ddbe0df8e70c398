/** The columns of `appointmentTypeRow` (./schemas). */
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
