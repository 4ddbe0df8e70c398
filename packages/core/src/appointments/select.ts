import { Prisma } from "../db";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";

/** The columns of `appointmentRow` (./schemas), as every appointment use case returns them. */
export const appointmentSelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  holdExpiresAt: true,
  source: true,
  notes: true,
  cancelledAt: true,
  cancelReason: true,
  rescheduledFromId: true,
  createdAt: true,
  provider: { select: { id: true, name: true } },
  appointmentType: { select: { id: true, name: true, durationMinutes: true } },
  patient: { select: { id: true, firstName: true, lastName: true, phone: true } },
} as const satisfies Prisma.AppointmentSelect;

export type AppointmentRow = Prisma.AppointmentGetPayload<{ select: typeof appointmentSelect }>;

/** `appointmentSelect`'s own columns (not its relations) of `table`, for SQL that returns appointments. */
export const appointmentColumns = (t: "a" | "appointments") =>
  Prisma.raw(
    `${t}.id, ${t}.status::text AS status, ${t}."startsAt", ${t}."endsAt", ${t}."holdExpiresAt", ` +
      `${t}.source::text AS source, ${t}.notes, ${t}."cancelledAt", ${t}."cancelReason", ${t}."rescheduledFromId", ` +
      `${t}."createdAt"`,
  );

/**
 * One appointment in `appointmentSelect`'s shape, read in one statement (Prisma reads each
 * relation with a query of its own: four round trips on paths a caller waits on). Row-level
 * security confines it to the client's clinic; the clinic filter says so in the SQL too.
 */
export async function readAppointment(
  db: Pick<TenantDb, "$queryRaw">,
  clinicId: string,
  id: string,
): Promise<AppointmentRow> {
  const [row] = await db.$queryRaw<AppointmentRow[]>`
    SELECT ${appointmentColumns("a")},
           json_build_object('id', pr.id, 'name', pr.name) AS provider,
           json_build_object('id', t.id, 'name', t.name, 'durationMinutes', t."durationMinutes") AS "appointmentType",
           CASE WHEN pt.id IS NULL THEN NULL
                ELSE json_build_object('id', pt.id, 'firstName', pt."firstName", 'lastName', pt."lastName", 'phone', pt.phone)
           END AS patient
      FROM appointments a
      JOIN providers pr ON pr.id = a."providerId"
      JOIN appointment_types t ON t.id = a."appointmentTypeId"
      LEFT JOIN patients pt ON pt.id = a."patientId"
     WHERE a.id = ${id}::uuid AND a."clinicId" = ${clinicId}::uuid`;
  if (!row) throw new AppError("NOT_FOUND", "appointment not found");
  return row;
}
