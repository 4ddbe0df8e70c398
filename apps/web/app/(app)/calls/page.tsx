import { PhoneCall } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { FilterField, FilterForm } from "@/components/filter-form";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { startOfDay } from "@/lib/clinic-time";
import { formatPhone } from "@/lib/format";
import { callOutcomes } from "@/lib/schemas";
import { routes, titleOf } from "@/routes";
import { clinicPage, param } from "@/shell/clinic-page";
import { byCursor } from "@/trpc/pages";
import { getQueryClient, prefetch, trpc } from "@/trpc/server";
import { outcomeLabel } from "./call-labels";
import { CallList } from "./call-list";

export const metadata: Metadata = { title: titleOf(routes.calls) };

type Outcome = (typeof callOutcomes)[number];
const isOutcome = (value: string | undefined): value is Outcome => (callOutcomes as string[]).includes(value ?? "");

export default clinicPage(routes.calls, async ({ clinic, searchParams }) => {
  const options = await getQueryClient().fetchQuery(trpc.calls.filters.queryOptions());
  const fromDay = param(searchParams, "from");
  const toDay = param(searchParams, "to");
  const requested = {
    outcome: param(searchParams, "outcome"),
    assistant: param(searchParams, "assistant"),
    number: param(searchParams, "number"),
  };
  // Days are the clinic's days: "to" includes the whole of that day.
  const from = fromDay ? startOfDay(fromDay, clinic.timezone) : undefined;
  const to = toDay ? startOfDay(toDay, clinic.timezone, 1) : undefined;
  const outcome = isOutcome(requested.outcome) ? requested.outcome : undefined;
  const assistantId = options.assistants.find((a) => a.id === requested.assistant)?.id;
  const phoneNumberId = options.numbers.find((n) => n.id === requested.number)?.id;
  const filter = { from: from ?? undefined, to: to ?? undefined, outcome, assistantId, phoneNumberId, limit: 50 };
  const filtered = Boolean(fromDay || toDay || requested.outcome || requested.assistant || requested.number);
  const misread =
    from === null ||
    to === null ||
    (requested.outcome && !outcome) ||
    (requested.assistant && !assistantId) ||
    (requested.number && !phoneNumberId);
  await prefetch(trpc.calls.list.infiniteQueryOptions(filter, byCursor));

  return (
    <>
      <PageHeader
        title={titleOf(routes.calls)}
        description={`Every call the receptionist answered for ${clinic.name}, newest first. Times in ${clinic.timezone}.`}
      />
      <FilterForm action="/calls" submitLabel="Filter" clear={filtered ? { label: "Clear filters" } : false}>
        <FilterField id="from" label="From">
          <Input name="from" type="date" defaultValue={fromDay} />
        </FilterField>
        <FilterField id="to" label="To (inclusive)">
          <Input name="to" type="date" defaultValue={toDay} />
        </FilterField>
        <FilterField id="outcome" label="Outcome">
          <Select name="outcome" defaultValue={outcome ?? ""}>
            <option value="">Any outcome</option>
            {callOutcomes.map((o) => (
              <option key={o} value={o}>
                {outcomeLabel(o)}
              </option>
            ))}
          </Select>
        </FilterField>
        <FilterField id="assistant" label="Assistant">
          <Select name="assistant" defaultValue={assistantId ?? ""}>
            <option value="">Any assistant</option>
            {options.assistants.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </FilterField>
        <FilterField id="number" label="Number">
          <Select name="number" defaultValue={phoneNumberId ?? ""}>
            <option value="">Any number</option>
            {options.numbers.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label ? `${n.label} (${formatPhone(n.e164)})` : formatPhone(n.e164)}
              </option>
            ))}
          </Select>
        </FilterField>
      </FilterForm>
      {misread ? (
        <Alert variant="destructive" className="mb-6">
          A filter wasn't understood and was ignored. Pick dates with the calendar and the rest from the lists.
        </Alert>
      ) : null}
      <Card className="p-2">
        <CallList
          key={JSON.stringify(filter)}
          filter={filter}
          empty={
            <EmptyState icon={PhoneCall} className="border-0">
              {filtered
                ? "No calls match these filters. Widen the dates or clear the filters."
                : "No calls yet. When the receptionist answers the clinic's number, each call shows up here with its transcript and what was booked."}
            </EmptyState>
          }
        />
      </Card>
    </>
  );
});
