// bookAppointment: the caller's chosen slot, booked through the same core function the
// dashboard uses (exclusion constraint, SMS confirmation, audit row), with the voice agent on
// this call as the actor. Duplicates never reach it: answer-tool-calls claims the tool call first.
import type { z } from "zod";
import { bookAppointment as book, bookedWithKey } from "../../appointments/book-appointment";
import { findOpenSlots } from "../../appointments/find-open-slots";
import type { AppointmentRow } from "../../appointments/select";
import { SlotTakenError } from "../../appointments/slot-rules";
import { AppError } from "../../errors";
import { normalizePhone } from "../../patients/schemas";
import type { LineType } from "../resolve-line";
import type { bookAppointmentArgs } from "../schemas";
import { localParts } from "../speech";
import {
  appointmentTypeNamed,
  changeKey,
  instantOf,
  providerNamed,
  slotAnswer,
  slotRules,
  type ToolAnswer,
  type ToolContext,
} from "./context";

function splitName(full: string) {
  const parts = full.trim().split(/\s+/);
  if (parts.length < 2) throw new AppError("BAD_REQUEST", "ask for the patient's first and last name");
  return { firstName: parts.slice(0, -1).join(" "), lastName: parts.at(-1) as string };
}

/** The provider free at `startsAt` for this type: the one named, or the first one open then. */
async function providerFor(ctx: ToolContext, type: LineType, startsAt: Date, providerName: string | undefined) {
  if (providerName) return providerNamed(ctx.line.providers, providerName);
  const date = localParts(startsAt, ctx.line.clinic.timezone).date;
  const { slots } = await findOpenSlots(
    ctx.db,
    { appointmentTypeId: type.id, from: date, to: date, limit: 1000 },
    ctx.now,
    undefined,
    slotRules(ctx, type),
  );
  const open = slots.find((s) => s.startsAt.getTime() === startsAt.getTime());
  if (open) return { id: open.providerId, name: open.providerName };
  // Nobody is free then: let the booking fail as taken, with real alternatives.
  const nearest = [...slots].sort(
    (a, b) => Math.abs(a.startsAt.getTime() - startsAt.getTime()) - Math.abs(b.startsAt.getTime() - startsAt.getTime()),
  );
  throw new SlotTakenError(nearest.slice(0, 3).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()));
}

/** The booking as the model gets it: its id, the time to repeat, and the sentence to confirm it. */
function bookedAnswer(appointment: AppointmentRow, firstName: string, timezone: string): ToolAnswer {
  const type = appointment.appointmentType.name;
  const slot = slotAnswer({ startsAt: appointment.startsAt, providerName: appointment.provider.name }, timezone, type);
  return {
    appointmentId: appointment.id,
    ...slot,
    say: `${firstName} is booked for a ${type} on ${slot.spoken}. A text confirmation is on its way.`,
  };
}

export async function bookAppointment(
  ctx: ToolContext,
  args: z.output<typeof bookAppointmentArgs>,
): Promise<ToolAnswer> {
  const { timezone } = ctx.line.clinic;
  if (ctx.resumed) {
    // An earlier delivery that died after booking: answer with what it booked.
    const earlier = await bookedWithKey(ctx.db, changeKey(ctx));
    if (earlier) return bookedAnswer(earlier, earlier.patient?.firstName ?? "the patient", timezone);
  }
  const type = appointmentTypeNamed(ctx.line.types, args.appointmentType);
  const startsAt = instantOf(args.startsAt, timezone);
  const phone = args.patientPhone ? normalizePhone(args.patientPhone) : ctx.callerNumber;
  if (!phone) throw new AppError("BAD_REQUEST", "ask for the patient's phone number with its area code");
  const name = splitName(args.patientName);
  const provider = await providerFor(ctx, type, startsAt, args.providerName);
  const appointment = await book(
    ctx.db,
    await ctx.origin(),
    {
      appointmentTypeId: type.id,
      providerId: provider.id,
      startsAt,
      patient: { ...name, phone, dateOfBirth: args.dateOfBirth ? new Date(args.dateOfBirth) : undefined },
      notes: args.notes,
      idempotencyKey: changeKey(ctx),
    },
    ctx.now,
  );
  return bookedAnswer(appointment, name.firstName, timezone);
}
