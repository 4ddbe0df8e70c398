// checkAvailability: open times near what the caller asked for — that day first, then the
// following days — narrowed to a provider or a part of the day when they said one.
import type { z } from "zod";
import { findOpenSlots } from "../../appointments/find-open-slots";
import type { Slot } from "../../appointments/schemas";
import { formatLocalDate, parseLocalDate } from "../../time/zoned-time";
import type { checkAvailabilityArgs } from "../schemas";
import { localParts } from "../speech";
import {
  appointmentTypeNamed,
  orList,
  providerNamed,
  slotAnswer,
  slotRules,
  type ToolAnswer,
  type ToolContext,
} from "./context";

const OFFERED = 5;
const PARTS = { morning: [0, 720], afternoon: [720, 1020], evening: [1020, 1440] } as const;

const addDays = (date: string, days: number) => {
  const d = parseLocalDate(date);
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * 86_400_000);
  return formatLocalDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
};

export async function checkAvailability(
  ctx: ToolContext,
  args: z.output<typeof checkAvailabilityArgs>,
): Promise<ToolAnswer> {
  const { timezone } = ctx.line.clinic;
  const type = appointmentTypeNamed(ctx.line.types, args.appointmentType);
  const provider = args.providerName ? providerNamed(ctx.line.providers, args.providerName) : undefined;
  const today = localParts(ctx.now, timezone).date;
  const from = args.date && args.date > today ? args.date : today;
  const fits = (slot: Slot) => {
    if (!args.partOfDay) return true;
    const [start, end] = PARTS[args.partOfDay];
    const minute = localParts(slot.startsAt, timezone).minute;
    return minute >= start && minute < end;
  };
  // A week from the day asked; only when that is full, the three weeks after it.
  let slots: Slot[] = [];
  for (const [start, end] of [
    [0, 6],
    [7, 27],
  ] as const) {
    const found = await findOpenSlots(
      ctx.db,
      {
        appointmentTypeId: type.id,
        providerId: provider?.id,
        from: addDays(from, start),
        to: addDays(from, end),
        // Only the first few are offered; a part of the day is picked from a wider set.
        limit: args.partOfDay ? 400 : OFFERED,
      },
      ctx.now,
      undefined,
      slotRules(ctx, type),
    );
    slots = found.slots.filter(fits);
    if (slots.length > 0) break;
  }
  const offered = slots.slice(0, OFFERED).map((s) => slotAnswer(s, timezone, type.name));
  const who = provider ? ` with ${provider.name}` : "";
  const when = args.partOfDay ? ` in the ${args.partOfDay}` : "";
  if (offered.length === 0) {
    return {
      slots: [],
      say: `There are no open times for a ${type.name}${who}${when} in the next four weeks. Offer another provider or time of day, or to take a message.`,
    };
  }
  const onDay = args.date && offered[0]?.startsAt.startsWith(args.date) ? "" : " The day asked for is full;";
  return {
    slots: offered,
    say: `${args.date ? onDay : ""} The nearest open times for a ${type.name}${when} are ${orList(offered.map((s) => s.spoken))}. Which works best?`.trim(),
  };
}
