import { can } from "@frontdesk/core/tenancy";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/badge";
import { localDay } from "@/components/clinic-time";
import { formatDate, formatDateTime, formatPhone, fullName } from "@/components/format";
import { caller, requireShell } from "@/trpc/server";
import type { RouterOutputs } from "@/trpc/types";
import { ClinicUnavailable, NotAllowed } from "../../clinic-unavailable";
import { SmsLog } from "../../sms/sms-log";
import { PatientForm } from "./patient-form";

export const metadata: Metadata = { title: "Patient" };
export const dynamic = "force-dynamic";

type Appointment = RouterOutputs["appointments"]["list"][number];
const YEAR_MS = 365 * 86_400_000;

const statusLabels: Record<Appointment["status"], string> = {
  held: "Held",
  booked: "Booked",
  cancelled: "Cancelled",
  completed: "Completed",
  no_show: "No-show",
};

function AppointmentTable({ rows, timeZone }: { rows: Appointment[]; timeZone: string }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th>When</th>
          <th>Type</th>
          <th>With</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <td>
              <Link href={`/schedule?date=${localDay(a.startsAt, timeZone)}&view=day`}>
                {formatDateTime(a.startsAt, timeZone)}
              </Link>
            </td>
            <td>{a.appointmentType.name}</td>
            <td>{a.provider.name}</td>
            <td>
              <Badge tone={a.status === "booked" ? "info" : a.status === "no_show" ? "warning" : "neutral"}>
                {statusLabels[a.status]}
              </Badge>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const shell = await requireShell(`/patients/${id}`);
  if (shell.state !== "ready") return <ClinicUnavailable shell={shell} />;
  const { clinic } = shell;
  if (!can(clinic.myRole, "patients:read")) return <NotAllowed role={clinic.myRole} what="see patients" />;

  const api = await caller();
  let patient: RouterOutputs["patients"]["get"];
  try {
    patient = await api.patients.get({ patientId: id });
  } catch (error) {
    // A malformed id, another clinic's patient and a missing one all read as "no such patient".
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }

  // Two years around today covers what staff look back on.
  const now = Date.now();
  const [theirs, messages] = await Promise.all([
    api.appointments.list({ from: new Date(now - YEAR_MS), to: new Date(now + YEAR_MS), patientId: patient.id }),
    api.sms.list({ patientId: patient.id }),
  ]);
  const upcoming = theirs.filter((a) => a.startsAt.getTime() >= now);
  const past = theirs.filter((a) => a.startsAt.getTime() < now).reverse();
  const tz = clinic.timezone;

  return (
    <>
      <div className="page-header">
        <p className="breadcrumb">
          <Link href="/patients">Patients</Link>
        </p>
        <h1>{fullName(patient)}</h1>
        <span className="muted">
          {formatPhone(patient.phone)}
          {patient.email ? ` · ${patient.email}` : ""} · added {formatDate(patient.createdAt, tz)}
        </span>
      </div>

      <section className="panel">
        <h2>Upcoming appointments</h2>
        {upcoming.length === 0 ? (
          <p className="muted">
            Nothing booked. To book them, pick a time on the <Link href="/schedule">schedule</Link> and search for{" "}
            {patient.firstName}.
          </p>
        ) : (
          <AppointmentTable rows={upcoming} timeZone={tz} />
        )}
        {past.length > 0 ? (
          <>
            <h2>Past year</h2>
            <AppointmentTable rows={past} timeZone={tz} />
          </>
        ) : null}
      </section>

      <section className="panel">
        <h2>Text messages</h2>
        {messages.items.length === 0 ? (
          <p className="muted">
            No texts yet. {patient.firstName} gets one when an appointment is booked, moved or cancelled.
          </p>
        ) : (
          <SmsLog first={messages} filter={{ patientId: patient.id }} timeZone={tz} showPatient={false} />
        )}
      </section>

      {can(clinic.myRole, "appointments:manage") ? (
        <PatientForm
          patient={{
            id: patient.id,
            firstName: patient.firstName,
            lastName: patient.lastName,
            phone: patient.phone,
            email: patient.email ?? "",
            dateOfBirth: patient.dateOfBirth ? patient.dateOfBirth.toISOString().slice(0, 10) : "",
          }}
        />
      ) : null}
    </>
  );
}
