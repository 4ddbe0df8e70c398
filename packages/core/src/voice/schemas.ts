// What Frontdesk reads from Vapi's server messages, and the arguments of the agent's tools.
// Vapi's SDK has types but no validators, and its docs and SDK disagree (see
// ../shared/notes/vapi-reference.md), so the envelope is parsed loosely: only the fields we
// use, each optional, anything else kept as is.
import { z } from "zod";
import { localDate } from "../time/schemas";

const text = z.string().trim().min(1);
const loose = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
/** Ids and numbers end up in unique keys; nothing real is this long. */
const id = z.string().max(200);

const vapiCall = loose({
  id: id.optional(),
  assistantId: id.nullish(),
  phoneNumberId: id.nullish(),
  customer: loose({ number: id.nullish() }).nullish(),
});

/** `message` of every server message: the type, and what identifies the call and the clinic. */
const vapiMessage = loose({
  type: text.max(200),
  call: vapiCall.nullish(),
  phoneNumber: loose({ id: id.nullish(), number: id.nullish() }).nullish(),
  customer: loose({ number: id.nullish() }).nullish(),
});
export type VapiMessage = z.infer<typeof vapiMessage>;

export const vapiEnvelope = z.object({ message: vapiMessage });

/**
 * One tool call. The SDK says `function.arguments` is a JSON string; the docs' samples send an
 * object, sometimes as `parameters`, sometimes with `name`/`arguments` flat on the item.
 */
export const vapiToolCall = loose({
  id: id.min(1),
  name: z.string().optional(),
  arguments: z.unknown().optional(),
  parameters: z.unknown().optional(),
  function: loose({
    name: z.string().optional(),
    arguments: z.unknown().optional(),
    parameters: z.unknown().optional(),
  }).nullish(),
});

export const toolCallsMessage = loose({
  toolCallList: z.array(z.unknown()).optional(),
  toolWithToolCallList: z.array(loose({ toolCall: z.unknown().optional() })).optional(),
});

// ── the tools' arguments (the JSON schemas Vapi gets are generated from these) ──

const isoDateTime = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/,
    "use an ISO-8601 time such as 2026-11-24T09:00:00-06:00",
  );

export const checkAvailabilityArgs = z.object({
  date: localDate
    .optional()
    .describe(
      "The day the caller asked about, as YYYY-MM-DD in the clinic's calendar. Leave out for the next open days.",
    ),
  appointmentType: text
    .max(100)
    .optional()
    .describe("The kind of visit, in the clinic's words (e.g. 'cleaning'). Leave out if the caller has not said."),
  providerName: text.max(100).optional().describe("A provider the caller asked for by name, e.g. 'Dr. Patel'."),
  partOfDay: z
    .enum(["morning", "afternoon", "evening"])
    .optional()
    .describe("Morning (before noon), afternoon (noon to 5 PM) or evening (after 5 PM), if the caller said."),
});

export const bookAppointmentArgs = z.object({
  startsAt: isoDateTime.describe(
    "The start time exactly as checkAvailability returned it (ISO-8601 with the clinic's UTC offset).",
  ),
  appointmentType: text.max(100).describe("The kind of visit, as checkAvailability named it."),
  providerName: text.max(100).optional().describe("The provider of the chosen slot, as checkAvailability named them."),
  patientName: text.max(200).describe("The patient's first and last name, as they spelled it."),
  patientPhone: text
    .max(40)
    .optional()
    .describe("The patient's phone number, only if it differs from the number they are calling from."),
  dateOfBirth: localDate.optional().describe("The patient's date of birth as YYYY-MM-DD, if they gave it."),
  notes: z.string().trim().max(1000).optional().describe("Anything the clinic should know, in a sentence."),
});

export const findMyAppointmentsArgs = z.object({});

export const cancelAppointmentArgs = z.object({
  appointmentId: text.max(100).describe("The appointmentId from findMyAppointments or from the booking."),
  reason: z.string().trim().max(500).optional().describe("Why the caller is cancelling, in their words, if they said."),
});

export const rescheduleAppointmentArgs = z.object({
  appointmentId: text.max(100).describe("The appointmentId from findMyAppointments or from the booking."),
  startsAt: isoDateTime.describe("The new start time exactly as checkAvailability returned it."),
});

export const getClinicInfoArgs = z.object({});

export const transferToHumanArgs = z.object({
  reason: z.string().trim().max(500).optional().describe("Why the caller wants a person, in a few words."),
});
