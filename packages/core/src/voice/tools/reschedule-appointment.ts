// rescheduleAppointment: one of the caller's own appointments moved to an open time, through
// the dashboard's core function (new slot taken before the old one is freed).
import type { z } from "zod";
import { rescheduleAppointment as reschedule } from "../../appointments/reschedule-appointment";
import type { rescheduleAppointmentArgs } from "../schemas";
import { callersAppointment, instantOf, slotAnswer, type ToolAnswer, type ToolContext } from "./context";

export async function rescheduleAppointment(
  ctx: ToolContext,
  args: z.output<typeof rescheduleAppointmentArgs>,
): Promise<ToolAnswer> {
  const own = await callersAppointment(ctx, args.appointmentId);
  const startsAt = instantOf(args.startsAt, ctx.line.clinic.timezone);
  const moved = await reschedule(ctx.db, await ctx.origin(), { appointmentId: own.id, startsAt }, ctx.now);
  const slot = slotAnswer(
    { startsAt: moved.startsAt, providerName: moved.provider.name },
    ctx.line.clinic.timezone,
    moved.appointmentType.name,
  );
  return {
    appointmentId: moved.id,
    ...slot,
    say: `Done: the ${slot.appointmentType} is now on ${slot.spoken}. A text with the new time is on its way.`,
  };
}
