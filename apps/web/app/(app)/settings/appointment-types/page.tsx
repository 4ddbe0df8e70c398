import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { routes } from "@/routes";
import { clinicPage, param } from "@/shell/clinic-page";
import { prefetch, trpc } from "@/trpc/server";
import { AppointmentTypeForm } from "./appointment-type-form";
import { AppointmentTypesTable } from "./appointment-types-table";

export const metadata: Metadata = { title: routes.appointmentTypes.label };

export default clinicPage(routes.appointmentTypes, async ({ clinic, searchParams }) => {
  const edit = can(clinic.myRole, "clinic:update");
  await prefetch(trpc.appointmentTypes.list.queryOptions(), trpc.providers.list.queryOptions());
  const editing = edit ? (param(searchParams, "type") ?? null) : null;
  return (
    <>
      <PageHeader
        title={routes.appointmentTypes.label}
        description={`What patients can book at ${clinic.name}, and how long each visit takes.`}
      />
      <div className="grid gap-6">
        <Panel title="Types">
          <AppointmentTypesTable edit={edit} />
        </Panel>
        {edit ? (
          <AppointmentTypeForm key={editing ?? "new"} typeId={editing} />
        ) : (
          <p className="text-muted-foreground text-sm">
            To add or change appointment types, ask an owner or admin of {clinic.name}.
          </p>
        )}
      </div>
    </>
  );
});
