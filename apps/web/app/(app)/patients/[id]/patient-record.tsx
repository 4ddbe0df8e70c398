"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { CalendarDays, MessageSquareText } from "lucide-react";
import Link from "next/link";
import { AppointmentTable } from "@/components/appointment-table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { formatDate, formatPhone, fullName } from "@/lib/format";
import { useClinic } from "@/shell/use-clinic";
import { useTRPC } from "@/trpc/react";
import type { RouterInputs } from "@/trpc/types";
import { SmsLog } from "../../sms/sms-log";
import { PatientForm } from "./patient-form";

/** A patient's page: who they are, their appointments and texts, and (for staff who book) their details. */
export function PatientRecord({
  patientId,
  appointments,
  now,
  canEdit,
}: {
  patientId: string;
  /** The window the page prefetched, so this reads the same query. */
  appointments: RouterInputs["appointments"]["list"];
  /** Where upcoming ends and past begins: the page's "now", so server and browser agree. */
  now: number;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const { timezone } = useClinic();
  const { data: patient } = useSuspenseQuery(trpc.patients.get.queryOptions({ patientId }));
  const { data: theirs } = useSuspenseQuery(trpc.appointments.list.queryOptions(appointments));
  const upcoming = theirs.filter((a) => a.startsAt.getTime() >= now);
  const past = theirs.filter((a) => a.startsAt.getTime() < now).reverse();

  return (
    <>
      <PageHeader
        title={fullName(patient)}
        back={<Link href="/patients">← Patients</Link>}
        description={`${formatPhone(patient.phone)}${patient.email ? ` · ${patient.email}` : ""} · added ${formatDate(patient.createdAt, timezone)}`}
      />
      <div className="grid gap-6">
        <Panel title="Upcoming appointments">
          {upcoming.length === 0 ? (
            <EmptyState icon={CalendarDays}>
              Nothing booked. To book them, pick a time on the <Link href="/schedule">schedule</Link> and search for{" "}
              {patient.firstName}.
            </EmptyState>
          ) : (
            <AppointmentTable rows={upcoming} timeZone={timezone} />
          )}
        </Panel>
        {past.length > 0 ? (
          <Panel title="Past year">
            <AppointmentTable rows={past} timeZone={timezone} />
          </Panel>
        ) : null}
        <Panel title="Text messages">
          <SmsLog
            filter={{ patientId }}
            empty={
              <EmptyState icon={MessageSquareText}>
                No texts yet. {patient.firstName} gets one when an appointment is booked, moved or cancelled.
              </EmptyState>
            }
          />
        </Panel>
        {canEdit ? <PatientForm patient={patient} /> : null}
      </div>
    </>
  );
}
