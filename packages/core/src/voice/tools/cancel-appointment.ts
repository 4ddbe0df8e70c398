// cancelAppointment: one of the caller's own appointments, through the dashboard's core
// function (cancellation text, reminders withdrawn, audit row with the voice agent).
import type { z } from "zod";
import { cancelAppointment as cancel } from "../../appointments/cancel-appointment";
import type { cancelAppointmentArgs } from "../schemas";
import { callersAppointment, slotAnswer, type ToolAnswer, type ToolContext } from "./context";

export async function cancelAppointment(
  ctx: ToolContext,
  args: z.output<typeof cancelAppointmentArgs>,
): Promise<ToolAnswer> {
  // A delivery resuming one that died after cancelling answers as the first would have.
  const own = await callersAppointment(ctx, args.appointmentId, ctx.resumed ? ["booked", "cancelled"] : ["booked"]);
  const cancelled = await cancel(ctx.db, await ctx.origin(), { appointmentId: own.id, reason: args.reason }, ctx.now);
  const slot = slotAnswer(
    { startsAt: cancelled.startsAt, providerName: cancelled.provider.name },
    ctx.line.clinic.timezone,
    cancelled.appointmentType.name,
  );
  return {
    appointmentId: cancelled.id,
    cancelled: true,
    say: `The ${slot.appointmentType} on ${slot.spoken} is cancelled. A text confirming it is on its way.`,
  };
}
