import { TRPCClientError } from "@trpc/client";

export type Alternative = { providerId: string; providerName: string; startsAt: Date; endsAt: Date; spoken: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function toAlternative(value: unknown): Alternative | null {
  if (!isRecord(value)) return null;
  const { providerId, providerName, startsAt, endsAt, spoken } = value;
  if (typeof providerId !== "string" || typeof providerName !== "string" || typeof spoken !== "string") return null;
  // The alternatives travel inside the error's details, which superjson doesn't revive: ISO strings.
  if (typeof startsAt !== "string" || typeof endsAt !== "string") return null;
  return { providerId, providerName, startsAt: new Date(startsAt), endsAt: new Date(endsAt), spoken };
}

/**
 * The open times offered with a lost booking race (CONFLICT, reason "slot_taken"), or null when
 * `error` is something else. An empty list means the race was lost and nothing is open nearby.
 */
export function slotTakenAlternatives(error: unknown): Alternative[] | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  if (!isRecord(data) || data.code !== "CONFLICT" || !isRecord(data.details)) return null;
  const { reason, alternatives } = data.details;
  if (reason !== "slot_taken" || !Array.isArray(alternatives)) return null;
  return alternatives.map(toAlternative).filter((a): a is Alternative => a !== null);
}
