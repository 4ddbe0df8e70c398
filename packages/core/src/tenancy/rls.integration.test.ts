// The third wall on its own: raw SQL as the application role, with clinic A's clinic set,
// against every table that has an clinicId column (found from the catalog, so new tables are
// covered). Plus the tenant client's own guards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { fillClinic } from "../../../../test/fixtures";
import { clinicProof, createTenantClients, tenantModels } from "./index";

describe("row-level security", () => {
  const t = useTestDatabase();
  let a: string;
  let b: string;
  let client: pg.Client;
  let tables: string[];
  let key: Buffer;

  beforeAll(async () => {
    const clinic = (name: string) =>
      t.db.clinic.create({ data: { name, slug: `${name}-${randomBytes(3).toString("hex")}`, timezone: "UTC" } });
    a = (await clinic("alpha")).id;
    b = (await clinic("bravo")).id;
    await fillClinic(t.db, a, "Alpha");
    await fillClinic(t.db, b, "Bravo");
    const rows = await t.db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'clinicId' ORDER BY table_name`;
    tables = rows.map((r) => r.table_name);
    const [row] = await t.db.$queryRaw<{ key: Uint8Array }[]>`SELECT key FROM tenancy_private.clinic_key`;
    key = Buffer.from(row?.key as Uint8Array);
    client = new pg.Client({ connectionString: t.url });
    await client.connect();
  });
  afterAll(() => client.end());

  async function asApp<T>(clinicId: string | null, fn: () => Promise<T>) {
    await client.query("BEGIN");
    try {
      await client.query("SET LOCAL ROLE frontdesk_app");
      if (clinicId)
        await client.query("SELECT set_config('app.clinic_id', $1, true), set_config('app.clinic_proof', $2, true)", [
          clinicId,
          clinicProof(key, clinicId),
        ]);
      return await fn();
    } finally {
      await client.query("ROLLBACK");
    }
  }
  const count = async (sql: string, params: unknown[] = []) => Number((await client.query(sql, params)).rows[0].n);

  it("is enabled with a tenant policy on every table that has an clinicId", async () => {
    expect(tables.length).toBe(tenantModels.length);
    const { rows } = await t.db.$queryRaw<{
      rows: { relname: string; relrowsecurity: boolean; policies: bigint }[];
    }>`SELECT 1`.then(async () => ({
      rows: await t.db.$queryRaw<{ relname: string; relrowsecurity: boolean; policies: bigint }[]>`
          SELECT c.relname, c.relrowsecurity, (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
          FROM pg_class c WHERE c.relname = ANY(${[...tables, "clinics", "users"]})`,
    }));
    for (const row of rows) {
      expect(row.relrowsecurity, `${row.relname} has RLS`).toBe(true);
      expect(Number(row.policies), `${row.relname} has a policy`).toBeGreaterThan(0);
    }
  });

  it("checks the clinic once per statement on every table, not once per row", async () => {
    // A bare current_clinic_id() in a policy is an HMAC check per row read; as a sub-select it
    // is an InitPlan, run once (a year of analytics rows cost seconds the other way).
    const policies = await t.db.$queryRaw<{ tablename: string; qual: string; with_check: string | null }[]>`
      SELECT tablename::text, qual, with_check FROM pg_policies
      WHERE schemaname = 'public' AND tablename = ANY(${[...tables, "clinics"]})`;
    expect(new Set(policies.map((p) => p.tablename))).toEqual(new Set([...tables, "clinics"]));
    for (const policy of policies) {
      for (const expression of [policy.qual, policy.with_check]) {
        if (expression?.includes("current_clinic_id()")) {
          expect(expression.replaceAll("( SELECT current_clinic_id()", ""), policy.tablename).not.toContain(
            "current_clinic_id()",
          );
        }
      }
    }
  });

  it("shows clinic A nothing of clinic B through raw SQL", async () => {
    await asApp(a, async () => {
      for (const table of [...tables, "clinics"]) {
        const column = table === "clinics" ? "id" : '"clinicId"';
        expect(
          await count(`SELECT count(*) AS n FROM "${table}" WHERE ${column} = $1`, [b]),
          `${table} rows of B`,
        ).toBe(0);
        expect(
          await count(`SELECT count(*) AS n FROM "${table}" WHERE ${column} <> $1`, [a]),
          `${table} rows not of A`,
        ).toBe(0);
      }
      expect(await count(`SELECT count(*) AS n FROM "patients"`)).toBe(1);
      // Updates and deletes of B's rows touch nothing.
      expect((await client.query(`UPDATE patients SET "firstName" = 'x' WHERE "clinicId" = $1`, [b])).rowCount).toBe(0);
      expect((await client.query(`DELETE FROM providers WHERE "clinicId" = $1`, [b])).rowCount).toBe(0);
    });
  });

  it("refuses to write a row into another clinic", async () => {
    await expect(
      asApp(a, () =>
        client.query(
          `INSERT INTO patients (id, "clinicId", "firstName", "lastName", phone, "updatedAt") VALUES (gen_random_uuid(), $1, 'M', 'X', '+12025550000', now())`,
          [b],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("refuses references to another clinic's rows, even from platform code", async () => {
    const bProvider = await t.db.provider.findFirstOrThrow({ where: { clinicId: b } });
    const aType = await t.db.appointmentType.findFirstOrThrow({ where: { clinicId: a } });
    const aPatient = await t.db.patient.findFirstOrThrow({ where: { clinicId: a } });
    const start = new Date("2031-05-05T15:00:00Z");
    const end = new Date("2031-05-05T15:30:00Z");
    // The unscoped client, with no RLS in the way: the composite foreign key still says no.
    await expect(
      t.db.appointment.create({
        data: {
          clinicId: a,
          providerId: bProvider.id,
          appointmentTypeId: aType.id,
          patientId: aPatient.id,
          status: "booked",
          startsAt: start,
          endsAt: end,
          blockStart: start,
          blockEnd: end,
          source: "api",
        },
      }),
    ).rejects.toThrow(/appointments_same_clinic_provider|Foreign key constraint/);
    await expect(
      t.db.workingHours.create({
        data: { clinicId: a, providerId: bProvider.id, weekday: 1, startMinute: 60, endMinute: 120 },
      }),
    ).rejects.toThrow(/working_hours_same_clinic_provider|Foreign key constraint/);
    // Deleting a provider still nulls the optional references as before.
    const aProvider = await t.db.provider.create({ data: { clinicId: a, name: "Temporary" } });
    const closed = await t.db.scheduleOverride.create({
      data: { clinicId: a, providerId: aProvider.id, date: new Date("2031-06-01"), kind: "closed" },
    });
    await t.db.provider.delete({ where: { id: aProvider.id } });
    expect(await t.db.scheduleOverride.findUnique({ where: { id: closed.id } })).toBeNull(); // cascade, as Prisma's key says
  });

  it("shows nothing at all when no clinic is set", async () => {
    await asApp(null, async () => {
      for (const table of tables) expect(await count(`SELECT count(*) AS n FROM "${table}"`), table).toBe(0);
    });
  });

  it("never lets the application role read password hashes or write audit history", async () => {
    await asApp(a, async () => {
      await expect(client.query(`SELECT "passwordHash" FROM users`)).rejects.toThrow(/permission denied/);
    });
    await asApp(a, async () => {
      await expect(client.query(`UPDATE audit_logs SET action = 'x'`)).rejects.toThrow(/permission denied/);
    });
  });
});

describe("tenant client", () => {
  const t = useTestDatabase();

  it("confines model operations, raw SQL and transactions to its clinic", async () => {
    const tenants = createTenantClients(t.url, { max: 2 });
    try {
      const clinic = (name: string) => t.db.clinic.create({ data: { name, slug: name, timezone: "UTC" } });
      const [a, b] = [await clinic("tc-alpha"), await clinic("tc-bravo")];
      await fillClinic(t.db, a.id, "Alpha");
      await fillClinic(t.db, b.id, "Bravo");
      const bPatient = await t.db.patient.findFirstOrThrow({ where: { clinicId: b.id } });
      const db = tenants.forTenant(a.id);

      expect((await db.patient.findMany()).map((p) => p.clinicId)).toEqual([a.id]);
      expect(await db.patient.findUnique({ where: { id: bPatient.id } })).toBeNull();
      expect(await db.patient.count({ where: { clinicId: b.id } })).toBe(0); // asking for B finds nothing
      await expect(db.patient.update({ where: { id: bPatient.id }, data: { firstName: "X" } })).rejects.toMatchObject({
        code: "P2025",
      });
      expect((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM patients`)[0]?.n).toBe(1n);
      expect(await db.$transaction(async (tx) => tx.$queryRaw<{ id: string }[]>`SELECT id FROM clinics`)).toEqual([
        { id: a.id },
      ]);
      const created = await db.provider.create({ data: { name: "New" } as never });
      expect(created.clinicId).toBe(a.id);
      await expect(db.provider.create({ data: { name: "Sneaky", clinicId: b.id } })).rejects.toThrow("not found");
      await expect(db.user.findMany()).rejects.toThrow(/not clinic data/);

      // The same pooled connection serves both clinics in turn without mixing them up.
      const other = tenants.forTenant(b.id);
      for (let i = 0; i < 5; i++) {
        expect((await db.patient.findFirstOrThrow()).clinicId).toBe(a.id);
        expect((await other.patient.findFirstOrThrow()).clinicId).toBe(b.id);
      }
      expect(() => tenants.forTenant("not-a-uuid")).toThrow("not found");
    } finally {
      await tenants.close();
    }
  });
});
