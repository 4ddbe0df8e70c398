import Link from "next/link";
import type { RouterOutputs } from "@/trpc/types";
import { Badge, type Tone } from "./badge";
import { formatDateTime, formatPhone, fullName } from "./format";

export type SmsRow = RouterOutputs["sms"]["list"]["items"][number];
type Status = SmsRow["status"];

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

export function SmsStatusBadge({ status }: { status: Status }) {
  return <Badge tone={statusLabels[status]?.tone ?? "neutral"}>{smsStatusLabel(status)}</Badge>;
}

/** When it happened: sent or received, else when it is due, else when it was queued. */
function when(row: SmsRow, timeZone: string) {
  if (row.sentAt) return formatDateTime(row.sentAt, timeZone);
  if (row.scheduledFor && row.status === "queued") return `Due ${formatDateTime(row.scheduledFor, timeZone)}`;
  return formatDateTime(row.createdAt, timeZone);
}

/** The SMS log's rows; `showPatient` is off on a patient's own page. */
export function SmsTable({
  rows,
  timeZone,
  showPatient = true,
}: {
  rows: SmsRow[];
  timeZone: string;
  showPatient?: boolean;
}) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Time</th>
          <th>{showPatient ? "To / from" : "Number"}</th>
          <th>Kind</th>
          <th>Status</th>
          <th>Message</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const number = row.direction === "inbound" ? (row.fromNumber ?? row.toNumber) : row.toNumber;
          const failed = row.status === "failed" || row.status === "undelivered";
          return (
            <tr key={row.id}>
              <td className="nowrap">{when(row, timeZone)}</td>
              <td>
                {showPatient && row.patient ? (
                  <>
                    <Link href={`/patients/${row.patient.id}`}>{fullName(row.patient)}</Link>
                    <br />
                  </>
                ) : null}
                <span className={showPatient && row.patient ? "muted" : undefined}>
                  {row.direction === "inbound" ? "From " : ""}
                  {formatPhone(number)}
                </span>
              </td>
              <td>{kindLabels[row.kind] ?? row.kind}</td>
              <td>
                <SmsStatusBadge status={row.status} />
                {failed && (row.errorCode !== null || row.errorMessage) ? (
                  <span className="sms-error">
                    {row.errorCode !== null ? `Error ${row.errorCode}` : "Error"}
                    {row.errorMessage ? `: ${row.errorMessage}` : ""}
                  </span>
                ) : null}
              </td>
              <td className="sms-body">{row.body}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
