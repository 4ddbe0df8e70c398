import type { Metadata } from "next";
import { describeRange, readRange } from "@/analytics/ranges";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { todayIn } from "@/lib/clinic-time";
import { formatPhone } from "@/lib/format";
import { routes, titleOf } from "@/routes";
import { clinicPage, param } from "@/shell/clinic-page";
import { getQueryClient, prefetch, trpc } from "@/trpc/server";
import { ExportButtons } from "./export-buttons";
import { RangeBar } from "./range-bar";
import { AnalyticsReport } from "./report";

export const metadata: Metadata = { title: titleOf(routes.analytics) };

export default clinicPage(routes.analytics, async ({ clinic, searchParams }) => {
  const queryClient = getQueryClient();
  const [options, overview] = await Promise.all([
    queryClient.fetchQuery(trpc.calls.filters.queryOptions()),
    queryClient.fetchQuery(trpc.clinic.overview.queryOptions()),
  ]);
  const { range, misread } = readRange(
    { preset: param(searchParams, "preset"), from: param(searchParams, "from"), to: param(searchParams, "to") },
    todayIn(clinic.timezone),
  );
  const requested = { assistant: param(searchParams, "assistant"), number: param(searchParams, "number") };
  const assistantId = options.assistants.find((a) => a.id === requested.assistant)?.id;
  const phoneNumberId = options.numbers.find((n) => n.id === requested.number)?.id;
  // Only the keys that are set: the browser's query key must be the one prefetched here.
  const input = {
    from: range.from,
    to: range.to,
    ...(assistantId ? { assistantId } : {}),
    ...(phoneNumberId ? { phoneNumberId } : {}),
  };
  await prefetch(trpc.analytics.calls.queryOptions(input));

  return (
    <>
      <PageHeader
        title={titleOf(routes.analytics)}
        description={`What the receptionist did for ${clinic.name}, ${describeRange(range)}. Days are ${clinic.timezone} days.`}
      >
        <ExportButtons from={range.from} to={range.to} />
      </PageHeader>
      <RangeBar
        range={range}
        assistantId={assistantId}
        phoneNumberId={phoneNumberId}
        assistants={options.assistants}
        numbers={options.numbers.map((n) => ({
          id: n.id,
          name: n.label ? `${n.label} (${formatPhone(n.e164)})` : formatPhone(n.e164),
        }))}
      />
      {misread || (requested.assistant && !assistantId) || (requested.number && !phoneNumberId) ? (
        <Alert variant="warning" className="mb-6">
          Part of that link wasn't a period or filter we know, so it was left out. Pick a period above, or choose dates
          (at most a year) with the calendar.
        </Alert>
      ) : null}
      <AnalyticsReport
        input={input}
        everCalled={overview.calls > 0}
        line={overview.phoneNumbers[0] ? formatPhone(overview.phoneNumbers[0].e164) : null}
        filtered={Boolean(assistantId || phoneNumberId)}
      />
    </>
  );
});
