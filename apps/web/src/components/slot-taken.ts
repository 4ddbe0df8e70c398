import { type Slot, slotTakenDetails } from "@frontdesk/core/schemas";
import { TRPCClientError } from "@trpc/client";

/**
 * The open times offered with a lost booking race (CONFLICT, reason "slot_taken"), or null when
 * `error` is something else. An empty list means the race was lost and nothing is open nearby.
 */
export function slotTakenAlternatives(error: unknown): Slot[] | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  if (typeof data !== "object" || data === null || !("code" in data) || data.code !== "CONFLICT") return null;
  // The details travel outside superjson's typed payload: the schema revives the ISO times.
  const details = slotTakenDetails.safeParse("details" in data ? data.details : null);
  return details.success ? details.data.alternatives : null;
}
