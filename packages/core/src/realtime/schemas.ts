// The live events a clinic's channel carries, in one place: the server builds them with these
// schemas and the dashboard parses what arrives with the same ones. Client-safe (zod and
// Prisma's generated enums only). Payloads hold ids and what the dashboard shows beside them —
// never a phone number the page would not show, never notes, summaries or whole transcripts.
import { z } from "zod";
import { appointmentStatus, bookingSource } from "../appointments/schemas";
import { callOutcome } from "../calls/schemas";
import { SmsStatus } from "../generated/prisma/enums";

// The one channel name per clinic, so the server that publishes, the endpoint that authorizes and
// the browser that subscribes cannot disagree.
const CLINIC_CHANNEL = /^private-clinic-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const clinicChannel = (clinicId: string) => `private-clinic-${clinicId}`;

/** The clinic a channel name belongs to, or null for any other name. */
export const clinicOfChannel = (channel: string) => CLINIC_CHANNEL.exec(channel)?.[1] ?? null;

const at = z.coerce.date();

const appointmentFields = {
  appointmentId: z.string(),
  status: appointmentStatus,
  startsAt: at,
  endsAt: at,
  source: bookingSource,
  /** The call it was made on, for "booked on a call" and its link. */
  callId: z.string().nullable(),
  providerName: z.string(),
  typeName: z.string(),
  patientName: z.string().nullable(),
};

export const liveEvents = {
  "call.started": z.object({ callId: z.string(), status: z.string(), startedAt: at.nullable() }),
  "call.status": z.object({ callId: z.string(), status: z.string() }),
  /** One final line of the conversation, as it is spoken. */
  "call.transcript": z.object({
    callId: z.string(),
    role: z.enum(["assistant", "user"]),
    text: z.string().max(2000),
    at: z.number().nullable(),
  }),
  "call.ended": z.object({
    callId: z.string(),
    outcome: callOutcome.nullable(),
    durationSeconds: z.number().nullable(),
  }),
  "appointment.booked": z.object(appointmentFields),
  "appointment.moved": z.object({ ...appointmentFields, fromAppointmentId: z.string() }),
  "appointment.cancelled": z.object(appointmentFields),
  "sms.status": z.object({ messageId: z.string(), appointmentId: z.string().nullable(), status: z.enum(SmsStatus) }),
};

export type LiveEventName = keyof typeof liveEvents;
export type LiveEventData<N extends LiveEventName> = z.output<(typeof liveEvents)[N]>;
/** One event for the clinic the tenant client belongs to. */
export type LiveEvent = { [N in LiveEventName]: { name: N; data: z.input<(typeof liveEvents)[N]> } }[LiveEventName];

/** `data` as it arrived on the channel, or null when it is not this event's shape. */
export function parseLiveEvent<N extends LiveEventName>(name: N, data: unknown): LiveEventData<N> | null {
  const parsed = liveEvents[name].safeParse(data);
  return parsed.success ? (parsed.data as LiveEventData<N>) : null;
}
