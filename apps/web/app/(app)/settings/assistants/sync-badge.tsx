import type { SyncStatus } from "@frontdesk/core/schemas";
import { Badge, type Tone } from "@/components/ui/badge";

const look: Record<SyncStatus, [Tone, string]> = {
  pending: ["warning", "Pending"],
  syncing: ["info", "Syncing"],
  synced: ["success", "Synced"],
  failed: ["danger", "Failed"],
};

/** Where the assistant's copy in Vapi stands; the reason (when there is one) goes beside it. */
export function SyncBadge({ status }: { status: SyncStatus }) {
  const [tone, word] = look[status];
  return <Badge tone={tone}>{word}</Badge>;
}
