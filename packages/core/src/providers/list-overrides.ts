import type { z } from "zod";
import type { TenantDb } from "../tenancy";
import { listOverridesInput } from "./schemas";
import { overrideSelect } from "./select";

/** Date overrides (clinic-wide and per provider) between two dates, inclusive. */
export async function listOverrides(db: TenantDb, raw: z.input<typeof listOverridesInput>) {
  const { from, to } = listOverridesInput.parse(raw);
  return db.scheduleOverride.findMany({
    where: { date: { gte: from, lte: to } },
    select: overrideSelect,
    orderBy: { date: "asc" },
  });
}
