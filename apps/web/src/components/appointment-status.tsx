import { Badge } from "@/components/ui/badge";
import type { RouterOutputs } from "@/trpc/types";

type Status = RouterOutputs["appointments"]["list"][number]["status"];

const statuses: Record<Status, { label: string; tone: "info" | "warning" | "neutral" }> = {
  held: { label: "Held (not yet confirmed)", tone: "neutral" },
  booked: { label: "Booked", tone: "info" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  completed: { label: "Completed", tone: "neutral" },
  no_show: { label: "No-show", tone: "warning" },
};

export function AppointmentStatusBadge({ status }: { status: Status }) {
  const { label, tone } = statuses[status];
  return <Badge tone={tone}>{label}</Badge>;
}
