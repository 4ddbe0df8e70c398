import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import { requireShell } from "@/trpc/server";
import { ClinicUnavailable, NotAllowed } from "../../clinic-unavailable";
import { ClinicProfileForm } from "./clinic-profile-form";
import { DeleteClinic } from "./delete-clinic";

export const metadata: Metadata = { title: "Clinic settings" };
export const dynamic = "force-dynamic";

export default async function ClinicSettingsPage() {
  const shell = await requireShell("/settings/clinic");
  if (shell.state !== "ready") return <ClinicUnavailable shell={shell} />;
  const { clinic } = shell;
  if (!can(clinic.myRole, "clinic:update")) return <NotAllowed role={clinic.myRole} what="change clinic settings" />;

  return (
    <>
      <div className="page-header">
        <h1>Clinic settings</h1>
        <span className="muted">How {clinic.name} appears to patients, and its booking rules.</span>
      </div>
      <ClinicProfileForm
        clinic={{
          name: clinic.name,
          timezone: clinic.timezone,
          phone: clinic.phone ?? "",
          email: clinic.email ?? "",
          website: clinic.website ?? "",
          addressLine1: clinic.addressLine1 ?? "",
          addressLine2: clinic.addressLine2 ?? "",
          city: clinic.city ?? "",
          region: clinic.region ?? "",
          postalCode: clinic.postalCode ?? "",
          country: clinic.country ?? "",
          minNoticeMinutes: clinic.minNoticeMinutes,
          bookingHorizonDays: clinic.bookingHorizonDays,
          reminderLeadMinutes: clinic.reminderLeadMinutes,
        }}
      />
      {can(clinic.myRole, "clinic:delete") ? <DeleteClinic name={clinic.name} /> : null}
    </>
  );
}
