import { Badge, type Tone } from "@/components/ui/badge";

// Keyed by string so an outcome added on the server still renders (as its raw name, neutral).
const outcomeLabels: Record<string, { label: string; tone: Tone } | undefined> = {
  booked: { label: "Booked", tone: "success" },
  rescheduled: { label: "Rescheduled", tone: "success" },
  cancelled: { label: "Cancelled", tone: "warning" },
  information: { label: "Information", tone: "info" },
  transferred: { label: "Transferred", tone: "info" },
  voicemail: { label: "Voicemail", tone: "neutral" },
  abandoned: { label: "Abandoned", tone: "neutral" },
  failed: { label: "Failed", tone: "danger" },
  unknown: { label: "Unknown", tone: "neutral" },
};

export const outcomeLabel = (outcome: string) => outcomeLabels[outcome]?.label ?? outcome;

/** How the call went, or where it is while it is still going. */
export function CallOutcomeBadge({ outcome, status }: { outcome: string | null; status: string }) {
  if (outcome) return <Badge tone={outcomeLabels[outcome]?.tone ?? "neutral"}>{outcomeLabel(outcome)}</Badge>;
  return <Badge tone={status === "ended" ? "neutral" : "info"}>{status === "ended" ? "Ended" : "Live"}</Badge>;
}

/** "1 min 35 s", "42 s". */
export function formatDuration(seconds: number | null) {
  if (seconds === null) return "—";
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

export const formatCost = (usd: number | null) => (usd === null ? "—" : `$${usd.toFixed(2)}`);

/** Vapi's ended reason in words: "customer-ended-call" -> "Customer ended call". */
export const endedReasonText = (reason: string | null) =>
  reason ? reason.charAt(0).toUpperCase() + reason.slice(1).replaceAll("-", " ").replaceAll(".", " ") : "—";
