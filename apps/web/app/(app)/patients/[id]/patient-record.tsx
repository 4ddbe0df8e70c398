"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { CalendarDays, MessageSquareText } from "lucide-react";
import Link from "next/link";
import { AppointmentStatusBadge } from "@/components/appointment-status";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { localDay } from "@/lib/clinic-time";
import { formatDate, formatDateTime, formatPhone, fullName } from "@/lib/format";
import { useClinic } from "@/shell/use-clinic";
import { useTRPC } from "@/trpc/react";
import type { RouterInputs, RouterOutputs } from "@/trpc/types";
import { SmsLog } from "../../sms/sms-log";
import { PatientForm } from "./patient-form";

type Appointment = RouterOutputs["appointments"]["list"][number];

function AppointmentTable({ rows, timeZone }: { rows: Appointment[]; timeZone: string }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Type</TableHead>
          <TableHead>With</TableHead>
          <TableHead>Status</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((a) => (
          <TableRow key={a.id}>
            <TableCell>
              <Link href={`/schedule?date=${localDay(a.startsAt, timeZone)}&view=day`}>
                {formatDateTime(a.startsAt, timeZone)}
              </Link>
            </TableCell>
            <TableCell>{a.appointmentType.name}</TableCell>
            <TableCell>{a.provider.name}</TableCell>
            <TableCell>
              <AppointmentStatusBadge status={a.status} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

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
        <Card>
          <CardHeader>
            <CardTitle>Upcoming appointments</CardTitle>
          </CardHeader>
          <CardContent>
            {upcoming.length === 0 ? (
              <EmptyState icon={CalendarDays}>
                Nothing booked. To book them, pick a time on the <Link href="/schedule">schedule</Link> and search for{" "}
                {patient.firstName}.
              </EmptyState>
            ) : (
              <AppointmentTable rows={upcoming} timeZone={timezone} />
            )}
          </CardContent>
        </Card>
        {past.length > 0 ? (
          <Card>
            <CardHeader>
              <CardTitle>Past year</CardTitle>
            </CardHeader>
            <CardContent>
              <AppointmentTable rows={past} timeZone={timezone} />
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>Text messages</CardTitle>
          </CardHeader>
          <CardContent>
            <SmsLog
              filter={{ patientId }}
              empty={
                <EmptyState icon={MessageSquareText}>
                  No texts yet. {patient.firstName} gets one when an appointment is booked, moved or cancelled.
                </EmptyState>
              }
            />
          </CardContent>
        </Card>
        {canEdit ? <PatientForm patient={patient} /> : null}
      </div>
    </>
  );
}
