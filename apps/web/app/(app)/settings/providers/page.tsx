import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { addDays, dayAsDate, todayIn } from "@/lib/clinic-time";
import { routes } from "@/routes";
import { clinicPage, param } from "@/shell/clinic-page";
import { prefetch, trpc } from "@/trpc/server";
import { HoursEditor } from "./hours-editor";
import { AddOverrideForm, Overrides } from "./overrides";
import { ProviderForm } from "./provider-form";
import { ProvidersTable } from "./providers-table";

export const metadata: Metadata = { title: routes.providers.label };

export default clinicPage(routes.providers, async ({ clinic, searchParams }) => {
  const edit = can(clinic.myRole, "clinic:update");
  const today = todayIn(clinic.timezone);
  // The coming year of closures and special hours.
  const overrides = { from: dayAsDate(today), to: dayAsDate(addDays(today, 366)) };
  await prefetch(
    trpc.providers.list.queryOptions(),
    trpc.appointmentTypes.list.queryOptions(),
    trpc.providers.overrides.queryOptions(overrides),
  );
  const editing = edit ? (param(searchParams, "provider") ?? null) : null;

  return (
    <>
      <PageHeader
        title={routes.providers.label}
        description={`Who sees patients at ${clinic.name}, what they offer and when they work. Hours are in ${clinic.timezone}.`}
      />
      <div className="grid gap-6">
        <Panel title="Providers">
          <ProvidersTable edit={edit} />
        </Panel>

        {edit ? (
          <>
            <ProviderForm key={editing ?? "new"} providerId={editing} />
            {editing ? <HoursEditor key={editing} providerId={editing} /> : null}
          </>
        ) : (
          <p className="text-muted-foreground text-sm">
            To add providers or change their hours, ask an owner or admin of {clinic.name}.
          </p>
        )}

        <Panel
          title="Closures and special hours"
          description="For holidays, time off or an extra clinic day. A date here replaces the usual weekly hours for that day."
        >
          <Overrides range={overrides} edit={edit} />
          {edit ? <AddOverrideForm today={today} /> : null}
        </Panel>
      </div>
    </>
  );
});
