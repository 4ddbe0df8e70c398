import { smsStatuses } from "@frontdesk/core/schemas";
import { MessageSquareText } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { FilterField, FilterForm } from "@/components/filter-form";
import { PageHeader } from "@/components/page-header";
import { smsStatusLabel } from "@/components/sms-columns";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { routes, titleOf } from "@/routes";
import { clinicPage, param } from "@/shell/clinic-page";
import { byCursor } from "@/trpc/pages";
import { prefetch, trpc } from "@/trpc/server";
import { SmsLog } from "./sms-log";

export const metadata: Metadata = { title: titleOf(routes.sms) };

type Status = (typeof smsStatuses)[number];
const isStatus = (value: string | undefined): value is Status =>
  (smsStatuses as readonly string[]).includes(value ?? "");

export default clinicPage(routes.sms, async ({ clinic, searchParams }) => {
  const requested = param(searchParams, "status");
  const status = isStatus(requested) ? requested : undefined;
  await prefetch(trpc.sms.list.infiniteQueryOptions({ status }, byCursor));
  return (
    <>
      <PageHeader
        title={titleOf(routes.sms)}
        description={`Confirmations, reminders and replies for ${clinic.name}, newest first. Times in ${clinic.timezone}.`}
      />
      <FilterForm action="/sms" submitLabel="Filter" clear={status ? { label: "Show all" } : false}>
        <FilterField id="status" label="Status">
          <Select name="status" defaultValue={status ?? ""}>
            <option value="">Any status</option>
            {smsStatuses.map((s) => (
              <option key={s} value={s}>
                {smsStatusLabel(s)}
              </option>
            ))}
          </Select>
        </FilterField>
      </FilterForm>
      {requested && !status ? (
        <Alert variant="destructive" className="mb-6">
          “{requested}” isn't a message status, so all messages are shown. Pick a status from the list.
        </Alert>
      ) : null}
      <Card className="p-2">
        <SmsLog
          key={status ?? "all"}
          filter={{ status }}
          empty={
            <EmptyState icon={MessageSquareText} className="border-0">
              {status
                ? `No messages are ${smsStatusLabel(status).toLowerCase()}. Choose another status, or show all.`
                : "No messages yet. Patients get a text when an appointment is booked, moved or cancelled, and a reminder before it."}
            </EmptyState>
          }
        />
      </Card>
    </>
  );
});
