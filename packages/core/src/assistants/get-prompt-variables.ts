import type { TenantDb } from "../tenancy";
import { variableValues } from "../voice/answer-assistant-request";

/** What the clinic's `{{variables}}` are filled with on a call right now (the editor's preview). */
export async function getPromptVariables(db: TenantDb, now = new Date()) {
  const clinic = await db.clinic.findUniqueOrThrow({
    where: { id: db.clinicId },
    select: {
      id: true,
      name: true,
      timezone: true,
      phone: true,
      addressLine1: true,
      addressLine2: true,
      city: true,
      region: true,
      postalCode: true,
    },
  });
  // The span the clinic's active providers work each weekday, as assistant-request computes it.
  const hours = await db.$queryRaw<{ weekday: number; start: number; end: number }[]>`
    SELECT w.weekday, min(w."startMinute") AS start, max(w."endMinute") AS "end"
      FROM working_hours w JOIN providers p ON p.id = w."providerId" AND p.active
     GROUP BY w.weekday ORDER BY w.weekday`;
  const region = [clinic.region, clinic.postalCode].filter(Boolean).join(" ");
  const address = [clinic.addressLine1, clinic.addressLine2, clinic.city, region].filter(Boolean).join(", ");
  return variableValues({ clinic: { ...clinic, address: address || null }, hours }, now);
}
