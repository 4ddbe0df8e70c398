import { can } from "@frontdesk/core/tenancy";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { routes } from "@/routes";
import { clinicPage } from "@/shell/clinic-page";
import { byCursor } from "@/trpc/pages";
import { getQueryClient, prefetch, trpc } from "@/trpc/server";
import { PatientRecord } from "./patient-record";

export const metadata: Metadata = { title: routes.patient.label };

const YEAR_MS = 365 * 86_400_000;

export default clinicPage<{ id: string }>(routes.patient, async ({ clinic, params }) => {
  const patientId = params.id;
  try {
    await getQueryClient().fetchQuery(trpc.patients.get.queryOptions({ patientId }));
  } catch (error) {
    // A malformed id, another clinic's patient and a missing one all read as "no such patient".
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  // Two years around today covers what staff look back on.
  const now = Date.now();
  const appointments = { from: new Date(now - YEAR_MS), to: new Date(now + YEAR_MS), patientId };
  await prefetch(
    trpc.appointments.list.queryOptions(appointments),
    trpc.sms.list.infiniteQueryOptions({ patientId }, byCursor),
  );
  return (
    <PatientRecord
      patientId={patientId}
      appointments={appointments}
      now={now}
      canEdit={can(clinic.myRole, "appointments:manage")}
    />
  );
});
