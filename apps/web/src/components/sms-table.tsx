import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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

/** The SMS log's rows; `showPatient` is off on a patient's own page. */
export function SmsTable({ rows, timeZone, showPatient }: { rows: SmsRow[]; timeZone: string; showPatient: boolean }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Time</TableHead>
          <TableHead>{showPatient ? "To / from" : "Number"}</TableHead>
          <TableHead>Kind</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Message</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const number = row.direction === "inbound" ? (row.fromNumber ?? row.toNumber) : row.toNumber;
          const failed = row.status === "failed" || row.status === "undelivered";
          return (
            <TableRow key={row.id}>
              <TableCell className="whitespace-nowrap">{when(row, timeZone)}</TableCell>
              <TableCell>
                {showPatient && row.patient ? (
                  <Link href={`/patients/${row.patient.id}`} className="block">
                    {fullName(row.patient)}
                  </Link>
                ) : null}
                <span className={showPatient && row.patient ? "text-muted-foreground" : undefined}>
                  {row.direction === "inbound" ? "From " : ""}
                  {formatPhone(number)}
                </span>
              </TableCell>
              <TableCell>{kindLabels[row.kind] ?? row.kind}</TableCell>
              <TableCell>
                <Badge tone={statusLabels[row.status]?.tone ?? "neutral"}>{smsStatusLabel(row.status)}</Badge>
                {failed && (row.errorCode !== null || row.errorMessage) ? (
                  <span className="mt-1 block text-destructive text-xs">
                    {row.errorCode !== null ? `Error ${row.errorCode}` : "Error"}
                    {row.errorMessage ? `: ${row.errorMessage}` : ""}
                  </span>
                ) : null}
              </TableCell>
              <TableCell className="max-w-md whitespace-pre-line">{row.body}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
