import type { z } from "zod";
import type { TenantDb } from "../tenancy";
import { listAppointmentsInput } from "./schemas";
import { appointmentSelect } from "./select";

/** The schedule between two instants (cancelled ones left out), earliest first. */
export async function listAppointments(db: TenantDb, raw: z.input<typeof listAppointmentsInput>) {
  const { from, to, providerId, patientId } = listAppointmentsInput.parse(raw);
  return db.appointment.findMany({
    where: { providerId, patientId, startsAt: { gte: from, lt: to }, status: { not: "cancelled" } },
    select: appointmentSelect,
    orderBy: { startsAt: "asc" },
    take: 2000,
  });
}
