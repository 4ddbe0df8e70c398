// Issue 8, item 14: under load pg warned "Calling client.query() when the client is already
// executing a query". Prisma reads an include with several relations in parallel, which inside
// an interactive transaction means two queries at once on one connection. Node prints that
// deprecation once per process, so this file triggers it at most once: the first such read.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { fillClinic } from "../../../../test/fixtures";
import { createTenantClients } from "../tenancy";

describe("one query at a time per connection", () => {
  const t = useTestDatabase();
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  let clinicId: string;
  let tenants: ReturnType<typeof createTenantClients>;

  beforeAll(async () => {
    process.on("warning", onWarning);
    clinicId = (
      await t.db.clinic.create({
        data: { name: "Serial", slug: `serial-${randomBytes(3).toString("hex")}`, timezone: "UTC" },
      })
    ).id;
    await fillClinic(t.db, clinicId, "Serial");
    tenants = createTenantClients(t.url, { max: 2 });
  });
  afterAll(async () => {
    process.off("warning", onWarning);
    await tenants.close();
  });

  // Read in transactions, as booking and rescheduling do: the provider with two relations.
  const include = { workingHours: true, appointmentTypes: true, scheduleOverrides: true } as const;

  it("never issues concurrent queries on a tenant transaction's connection", async () => {
    const db = tenants.forTenant(clinicId);
    const provider = await db.$transaction((tx) => tx.provider.findFirstOrThrow({ include }));
    expect(provider.workingHours).toHaveLength(1);
    expect(provider.appointmentTypes).toHaveLength(1);
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    expect(warnings.filter((w) => w.includes("already executing a query"))).toEqual([]);
  });

  it("nor on a root transaction's connection", async () => {
    const provider = await t.db.$transaction((tx) => tx.provider.findFirstOrThrow({ where: { clinicId }, include }));
    expect(provider.scheduleOverrides).toHaveLength(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.includes("already executing a query"))).toEqual([]);
  });
});
