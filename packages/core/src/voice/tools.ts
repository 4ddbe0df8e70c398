// The voice agent's tools, defined once: names, descriptions written for the model, and JSON
// schemas generated from the same zod schemas the webhook validates arguments with. The next
// step (Vapi resources) registers exactly these with Vapi; a transient assistant carries them
// inline until then.
import { z } from "zod";
import {
  bookAppointmentArgs,
  cancelAppointmentArgs,
  checkAvailabilityArgs,
  findMyAppointmentsArgs,
  getClinicInfoArgs,
  rescheduleAppointmentArgs,
  transferToHumanArgs,
} from "./schemas";

export const toolArgs = {
  checkAvailability: checkAvailabilityArgs,
  bookAppointment: bookAppointmentArgs,
  findMyAppointments: findMyAppointmentsArgs,
  cancelAppointment: cancelAppointmentArgs,
  rescheduleAppointment: rescheduleAppointmentArgs,
  getClinicInfo: getClinicInfoArgs,
  transferToHuman: transferToHumanArgs,
} as const;

export type ToolName = keyof typeof toolArgs;
export const toolNames = Object.keys(toolArgs) as ToolName[];
export const isToolName = (name: string): name is ToolName => Object.hasOwn(toolArgs, name);

const descriptions: Record<ToolName, string> = {
  checkAvailability:
    "Find open appointment times. Call it before offering any time, and again whenever the caller asks for another day, provider or time of day. Returns up to five open slots near what was asked, each with `startsAt` (pass it unchanged to bookAppointment or rescheduleAppointment) and `spoken` (read this to the caller), plus `say`, a sentence you can use.",
  bookAppointment:
    "Book an appointment for the caller (or someone they are booking for) at a time checkAvailability offered. Ask for the patient's full name first, and confirm the time and visit type with the caller before calling. The patient's phone defaults to the number they are calling from. Returns the appointmentId and a sentence to confirm; if the time was just taken it returns an error naming the nearest open times to offer instead.",
  findMyAppointments:
    "List the caller's upcoming appointments (found by the number they are calling from, and any booked on this call). Use it before cancelling or rescheduling, to get the appointmentId.",
  cancelAppointment:
    "Cancel one of the caller's own upcoming appointments, by the appointmentId from findMyAppointments. Confirm with the caller which appointment before calling.",
  rescheduleAppointment:
    "Move one of the caller's own upcoming appointments to a new time that checkAvailability offered. The visit type and provider stay the same.",
  getClinicInfo:
    "The clinic's opening hours, address, phone number and the kinds of appointments it offers with their lengths. Use it for any question about the clinic itself.",
  transferToHuman:
    "Call this when the caller asks for a person, is upset, has a medical emergency question, or needs something you cannot do. It says whether someone can take the call now (then say the returned sentence and the call is transferred) or whether to take a message instead.",
};

/** A function tool in the shape Vapi's `model.tools` and `POST /tool` take. */
export type VoiceToolDefinition = {
  type: "function";
  function: { name: ToolName; description: string; parameters: Record<string, unknown> };
};

function parametersOf(schema: z.ZodType) {
  const { $schema: _, ...jsonSchema } = z.toJSONSchema(schema, { io: "input", target: "draft-7" });
  return { ...jsonSchema, type: "object", properties: jsonSchema.properties ?? {} };
}

/** Every tool, in a stable order, ready to register with Vapi. */
export const voiceTools: VoiceToolDefinition[] = toolNames.map((name) => ({
  type: "function",
  function: { name, description: descriptions[name], parameters: parametersOf(toolArgs[name]) },
}));
