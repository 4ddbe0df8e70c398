import type { Actor } from "../audit";
import type { BookingSource } from "../db";

/**
 * Where a booking came from, as the schedule shows it: the voice agent on a call, an
 * integrator's API key, a person at the dashboard. The platform acting on its own (a job, a
 * sync) books through code like an integration does, so it counts as "api".
 */
export function bookingSourceOf(actor: Actor): BookingSource {
  switch (actor.type) {
    case "voice_agent":
      return "agent";
    case "api_key":
    case "system":
      return "api";
    case "user":
      return "dashboard";
  }
}

/** The call a booking was made on, when the voice agent made it. */
export const callIdOf = (actor: Actor) => (actor.type === "voice_agent" ? (actor.callId ?? undefined) : undefined);
