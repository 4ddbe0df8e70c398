import type { z } from "zod";
import type { TenantDb } from "../tenancy";
import { listPatientsInput } from "./schemas";
import { patientSelect } from "./select";

/** By name or phone (digits match anywhere in the number), alphabetical, keyset-paginated. */
export async function listPatients(db: TenantDb, raw: z.input<typeof listPatientsInput>) {
  const { search, cursor, limit } = listPatientsInput.parse(raw);
  const digits = search?.replace(/\D/g, "") ?? "";
  const where = search
    ? {
        OR: [
          { firstName: { contains: search, mode: "insensitive" as const } },
          { lastName: { contains: search, mode: "insensitive" as const } },
          ...(digits.length >= 3 ? [{ phone: { contains: digits } }] : []),
        ],
      }
    : {};
  const rows = await db.patient.findMany({
    where,
    select: patientSelect,
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? rows[limit - 1]?.id : undefined };
}
