import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { FilterField, FilterForm } from "@/components/filter-form";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { startOfDay } from "@/lib/clinic-time";
import { routes } from "@/routes";
import { clinicPage, param } from "@/shell/clinic-page";
import { byCursor } from "@/trpc/pages";
import { prefetch, trpc } from "@/trpc/server";
import { AuditLog } from "./audit-log";

export const metadata: Metadata = { title: routes.audit.label };

export default clinicPage(routes.audit, async ({ clinic, searchParams }) => {
  const action = param(searchParams, "action")?.slice(0, 100);
  const fromDay = param(searchParams, "from");
  const toDay = param(searchParams, "to");
  // Days are the clinic's days: "to" includes the whole of that day.
  const from = fromDay ? startOfDay(fromDay, clinic.timezone) : undefined;
  const to = toDay ? startOfDay(toDay, clinic.timezone, 1) : undefined;
  const filter = { action, from: from ?? undefined, to: to ?? undefined, limit: 50 };
  const filtered = Boolean(action || fromDay || toDay);
  await prefetch(trpc.audit.list.infiniteQueryOptions(filter, byCursor));

  return (
    <>
      <PageHeader
        title={routes.audit.label}
        description={`Who changed what in ${clinic.name}. Times in ${clinic.timezone}.`}
      />
      <FilterForm action="/settings/audit" submitLabel="Filter" clear={filtered ? { label: "Clear filters" } : false}>
        <FilterField id="action" label="Action starts with">
          <Input name="action" defaultValue={action} placeholder="e.g. team." list="audit-actions" />
        </FilterField>
        <datalist id="audit-actions">
          <option value="clinic." />
          <option value="team." />
          <option value="apiKey." />
        </datalist>
        <FilterField id="from" label="From">
          <Input name="from" type="date" defaultValue={fromDay} />
        </FilterField>
        <FilterField id="to" label="To (inclusive)">
          <Input name="to" type="date" defaultValue={toDay} />
        </FilterField>
      </FilterForm>
      {from === null || to === null ? (
        <Alert variant="destructive" className="mb-6">
          A date wasn't understood and was ignored; pick dates with the calendar or type them as YYYY-MM-DD.
        </Alert>
      ) : null}
      <Card className="p-2">
        <AuditLog
          key={JSON.stringify(filter)}
          filter={filter}
          empty={
            <EmptyState icon={ScrollText} className="border-0">
              {filtered
                ? "Nothing matches these filters. Widen the dates or clear the action filter."
                : "Nothing recorded yet. Changes to the clinic, its team and its API keys will be listed here."}
            </EmptyState>
          }
        />
      </Card>
    </>
  );
});
