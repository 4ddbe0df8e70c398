// Appointment types at the edges: what staff set up, and the row procedures return.
// Client-safe (zod only), so the web app's forms validate with the same rules.
import { z } from "zod";

export const appointmentTypeInput = z.object({
  name: z.string().trim().min(1, "name the appointment type").max(120),
  description: z.string().max(500).nullish(),
  durationMinutes: z.number().int().min(5, "at least 5 minutes").max(480, "at most 8 hours"),
  bufferBeforeMinutes: z.number().int().min(0).max(120).optional(),
  bufferAfterMinutes: z.number().int().min(0).max(120).optional(),
  active: z.boolean().optional(),
});

export const updateAppointmentTypeInput = appointmentTypeInput.extend({ appointmentTypeId: z.uuid() });

export const appointmentTypeRow = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  durationMinutes: z.number(),
  bufferBeforeMinutes: z.number(),
  bufferAfterMinutes: z.number(),
  active: z.boolean(),
  providers: z.array(z.object({ providerId: z.string() })),
});
