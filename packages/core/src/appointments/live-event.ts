import type { Actor } from "../audit";
import type { LiveEvent } from "../realtime/schemas";
import { callIdOf } from "./booking-source";
import type { AppointmentRow } from "./select";

type Change = "appointment.booked" | "appointment.moved" | "appointment.cancelled";

/** What the schedule shows of a changed appointment; `callId` is the call that changed it. */
export function appointmentEvent(
  name: Change,
  row: AppointmentRow,
  actor: Actor,
  fromAppointmentId?: string,
): LiveEvent {
  const data = {
    appointmentId: row.id,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    source: row.source,
    callId: callIdOf(actor) ?? null,
    providerName: row.provider.name,
    typeName: row.appointmentType.name,
    patientName: row.patient ? `${row.patient.firstName} ${row.patient.lastName}`.trim() : null,
  };
  if (name === "appointment.moved") return { name, data: { ...data, fromAppointmentId: fromAppointmentId ?? row.id } };
  return { name, data };
}
