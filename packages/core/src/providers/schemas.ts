// Providers at the edges: who they are, what they offer, their weekly hours and date
// overrides, and the rows procedures return. Client-safe (zod and Prisma's generated enums
// only), so the web app's forms validate with the same rules.
import { z } from "zod";
import { OverrideKind } from "../generated/prisma/enums";
import { inOrderWithin, instant, localDate, minuteOfDay } from "../time/schemas";

const hexColor = z
  .string()
  .max(7)
  .regex(/^#[0-9a-fA-F]{6}$/, "use a colour like #2563eb");

export const providerInput = z.object({
  name: z.string().trim().min(1, "enter the provider's name").max(120),
  title: z.string().trim().max(60).nullish(),
  email: z.email().max(254).nullish(),
  phone: z.string().max(32).nullish(),
  color: hexColor.nullish(),
  active: z.boolean().optional(),
  appointmentTypeIds: z.array(z.uuid()).max(100).optional(),
});

/** Only the fields given change. */
export const updateProviderInput = providerInput.partial().extend({ providerId: z.uuid() });

export const workingHoursRow = z.object({ weekday: z.number(), startMinute: z.number(), endMinute: z.number() });

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

export const overrideKind = z.enum(OverrideKind);

export const overrideInput = z
  .object({
    /** null: the whole clinic. */
    providerId: z.uuid().nullable(),
    date: localDate,
    kind: overrideKind,
    startMinute: minuteOfDay.nullish(),
    endMinute: minuteOfDay.nullish(),
    reason: z.string().max(200).nullish(),
  })
  .refine((o) => o.kind === "closed" || (o.startMinute != null && o.endMinute != null && o.startMinute < o.endMinute), {
    message: "extra hours need a start and an end, the end after the start",
    path: ["endMinute"],
  });

export const listOverridesInput = z.object({ from: instant, to: instant }).superRefine(inOrderWithin(731));

export const removeOverrideInput = z.object({ overrideId: z.uuid() });

export const providerRow = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  color: z.string().nullable(),
  active: z.boolean(),
  appointmentTypes: z.array(z.object({ appointmentTypeId: z.string() })),
  workingHours: z.array(workingHoursRow),
});

export const overrideRow = z.object({
  id: z.string(),
  providerId: z.string().nullable(),
  date: z.date(),
  kind: overrideKind,
  startMinute: z.number().nullable(),
  endMinute: z.number().nullable(),
  reason: z.string().nullable(),
});
