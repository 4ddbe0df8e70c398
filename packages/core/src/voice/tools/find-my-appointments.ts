// findMyAppointments: the caller's upcoming appointments — the patient whose number is calling,
// and anyone booked on this call. Nobody else's.
import { callersAppointments, slotAnswer, type ToolAnswer, type ToolContext } from "./context";

export async function findMyAppointments(ctx: ToolContext): Promise<ToolAnswer> {
  const mine = callersAppointments(ctx);
  const rows =
    mine.length === 0
      ? []
      : await ctx.db.appointment.findMany({
          where: { status: "booked", startsAt: { gt: ctx.now }, OR: mine },
          select: {
            id: true,
            startsAt: true,
            provider: { select: { name: true } },
            appointmentType: { select: { name: true } },
            patient: { select: { firstName: true } },
          },
          orderBy: { startsAt: "asc" },
          take: 10,
        });
  const appointments = rows.map((a) => ({
    appointmentId: a.id,
    patient: a.patient?.firstName ?? null,
    ...slotAnswer(
      { startsAt: a.startsAt, providerName: a.provider.name },
      ctx.line.clinic.timezone,
      a.appointmentType.name,
    ),
  }));
  if (appointments.length === 0) {
    return {
      appointments,
      say: "There are no upcoming appointments for the number you are calling from. If they booked with another number, they should call from it or speak to the front desk.",
    };
  }
  const list = appointments.map((a) => `a ${a.appointmentType} on ${a.spoken}`).join("; ");
  return { appointments, say: `Upcoming: ${list}.` };
}
