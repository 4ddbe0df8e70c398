import Link from "next/link";
import type { Column } from "@/components/data-table";
import { Badge, type Tone } from "@/components/ui/badge";
import { formatDateTime, formatPhone, fullName } from "@/lib/format";
import type { RouterOutputs } from "@/trpc/types";

type SmsRow = RouterOutputs["sms"]["list"]["items"][number];

// Keyed by string so a status added on the server still renders (as its raw name, neutral).
const statusLabels: Record<string, { label: string; tone: Tone } | undefined> = {
  queued: { label: "Queued", tone: "neutral" },
  sending: { label: "Sending", tone: "info" },
  sent: { label: "Sent", tone: "info" },
  delivered: { label: "Delivered", tone: "success" },
  received: { label: "Received", tone: "info" },
  undelivered: { label: "Undelivered", tone: "danger" },
  failed: { label: "Failed", tone: "danger" },
  skipped_opted_out: { label: "Skipped: opted out", tone: "warning" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

const kindLabels: Record<string, string | undefined> = {
  confirmation: "Confirmation",
  reminder: "Reminder",
  cancellation: "Cancellation",
  reschedule: "Reschedule",
  inbound: "Reply from patient",
  keyword_reply: "Keyword reply",
};

export const smsStatusLabel = (status: string) => statusLabels[status]?.label ?? status.replaceAll("_", " ");

/** When it happened: sent or received, else when it is due, else when it was queued. */
function when(row: SmsRow, timeZone: string) {
  if (row.sentAt) return formatDateTime(row.sentAt, timeZone);
  if (row.scheduledFor && row.status === "queued") return `Due ${formatDateTime(row.scheduledFor, timeZone)}`;
  return formatDateTime(row.createdAt, timeZone);
}

/** The SMS log's columns; `showPatient` is off on a patient's own page. */
export const smsColumns = (timeZone: string, showPatient: boolean): Column<SmsRow>[] => [
  { header: "Time", className: "whitespace-nowrap", cell: (row) => when(row, timeZone) },
  {
    header: showPatient ? "To / from" : "Number",
    cell: (row) => {
      const number = row.direction === "inbound" ? (row.fromNumber ?? row.toNumber) : row.toNumber;
      const patient = showPatient ? row.patient : null;
      return (
        <>
          {patient ? (
            <Link href={`/patients/${patient.id}`} prefetch={false} className="block">
              {fullName(patient)}
            </Link>
          ) : null}
          <span className={patient ? "text-muted-foreground" : undefined}>
            {row.direction === "inbound" ? "From " : ""}
            {formatPhone(number)}
          </span>
        </>
      );
    },
  },
  { header: "Kind", cell: (row) => kindLabels[row.kind] ?? row.kind },
  {
    header: "Status",
    cell: (row) => (
      <>
        <Badge tone={statusLabels[row.status]?.tone ?? "neutral"}>{smsStatusLabel(row.status)}</Badge>
        {(row.status === "failed" || row.status === "undelivered") && (row.errorCode !== null || row.errorMessage) ? (
          <span className="mt-1 block text-destructive text-xs">
            {row.errorCode !== null ? `Error ${row.errorCode}` : "Error"}
            {row.errorMessage ? `: ${row.errorMessage}` : ""}
          </span>
        ) : null}
      </>
    ),
  },
  { header: "Message", className: "max-w-md whitespace-pre-line", cell: (row) => row.body },
];
