// Issue 8, item 7 (database part): the tenant pool is shared by every clinic, so no clinic's
// query may hold a connection for long, and no request may wait forever for one.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, waitFor } from "../../../../test/database";
import { createTenantClients } from "./index";

describe("tenant pool limits", () => {
  const t = useTestDatabase();
  let tenants: ReturnType<typeof createTenantClients>;
  let clinicId: string;

  beforeAll(async () => {
    clinicId = (
      await t.db.clinic.create({
        data: { name: "Heavy", slug: `heavy-${randomBytes(3).toString("hex")}`, timezone: "UTC" },
      })
    ).id;
    tenants = createTenantClients(t.url, { max: 1, statementTimeoutMillis: 1_000, connectionTimeoutMillis: 300 });
  });
  afterAll(() => tenants.close());

  it("cancels a statement past the timeout with a clear error, and serves the next request", async () => {
    const db = tenants.forTenant(clinicId);
    const started = Date.now();
    await expect(db.$queryRawUnsafe("SELECT pg_sleep(4)")).rejects.toThrow(/statement timeout/);
    expect(Date.now() - started).toBeLessThan(3_500);
    expect(await db.clinic.count()).toBe(1); // the same (only) connection, usable again
  });

  it("fails a request that cannot get a connection in time, instead of queueing it forever", async () => {
    const db = tenants.forTenant(clinicId);
    const heavy = db.$queryRawUnsafe("SELECT pg_sleep(4)").catch((error: Error) => error);
    await waitFor(async () => {
      const [row] = await t.db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'SELECT pg_sleep(4)' AND state = 'active'`;
      return Number(row?.n) > 0;
    });
    await expect(db.patient.count()).rejects.toThrow(/timeout exceeded when trying to connect/);
    expect(String(await heavy)).toMatch(/statement timeout/);
    expect(await db.clinic.count()).toBe(1);
  });
});
