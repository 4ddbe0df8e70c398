import { smsStatuses } from "@frontdesk/core/sms";
import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import Link from "next/link";
import { smsStatusLabel } from "@/components/sms-table";
import { caller, requireShell } from "@/trpc/server";
import type { RouterInputs } from "@/trpc/types";
import { ClinicUnavailable, NotAllowed } from "../clinic-unavailable";
import { SmsLog } from "./sms-log";

export const metadata: Metadata = { title: "SMS log" };
export const dynamic = "force-dynamic";

type Status = NonNullable<RouterInputs["sms"]["list"]["status"]>;
const isStatus = (value: string | undefined): value is Status =>
  (smsStatuses as readonly string[]).includes(value ?? "");

export default async function SmsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const shell = await requireShell("/sms");
  if (shell.state !== "ready") return <ClinicUnavailable shell={shell} />;
  const { clinic } = shell;
  if (!can(clinic.myRole, "patients:read")) return <NotAllowed role={clinic.myRole} what="see the SMS log" />;

  const raw = (await searchParams).status;
  const requested = Array.isArray(raw) ? raw[0] : raw;
  const status = isStatus(requested) ? requested : undefined;
  const first = await (await caller()).sms.list({ status });

  return (
    <>
      <div className="page-header">
        <h1>SMS log</h1>
        <span className="muted">
          Confirmations, reminders and replies for {clinic.name}, newest first. Times in {clinic.timezone}.
        </span>
      </div>

      <form className="panel filters" method="get" action="/sms">
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={status ?? ""}>
            <option value="">Any status</option>
            {smsStatuses.map((s) => (
              <option key={s} value={s}>
                {smsStatusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button className="button inline" type="submit">
            Filter
          </button>
          {status ? <Link href="/sms">Show all</Link> : null}
        </div>
      </form>
      {requested && !status ? (
        <p role="alert" className="alert">
          “{requested}” isn't a message status, so all messages are shown. Pick a status from the list.
        </p>
      ) : null}

      <section className="panel">
        {first.items.length === 0 ? (
          <p className="muted">
            {status
              ? `No messages are ${smsStatusLabel(status).toLowerCase()}. Choose another status, or show all.`
              : "No messages yet. Patients get a text when an appointment is booked, moved or cancelled, and a reminder before it."}
          </p>
        ) : (
          <SmsLog key={status ?? "all"} first={first} filter={{ status }} timeZone={clinic.timezone} />
        )}
      </section>
    </>
  );
}
