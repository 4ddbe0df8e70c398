import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { routes } from "@/routes";
import { clinicPage } from "@/shell/clinic-page";
import { ClinicProfileForm } from "./clinic-profile-form";
import { DeleteClinic } from "./delete-clinic";

export const metadata: Metadata = { title: routes.clinicSettings.label };

// The clinic itself is already in the query cache: the layout loaded it.
export default clinicPage(routes.clinicSettings, ({ clinic }) => (
  <>
    <PageHeader
      title={routes.clinicSettings.label}
      description={`How ${clinic.name} appears to patients, and its booking rules.`}
    />
    <div className="grid gap-6">
      <ClinicProfileForm />
      {can(clinic.myRole, "clinic:delete") ? <DeleteClinic name={clinic.name} /> : null}
    </div>
  </>
));
