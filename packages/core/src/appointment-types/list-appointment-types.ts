import type { TenantDb } from "../tenancy";
import { appointmentTypeSelect } from "./select";

export const listAppointmentTypes = (db: TenantDb) =>
  db.appointmentType.findMany({ select: appointmentTypeSelect, orderBy: { name: "asc" } });
