// The tenancy wall under attack (issue 8, item 9): raw SQL on a tenant connection tries every
// way out of its clinic — resetting the role, becoming the owner, re-pointing `app.clinic_id`,
// enqueueing or removing members for another clinic, reading other sessions' setup — and gets
// nothing of the other clinic, or an error.
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { fillClinic } from "../../../../test/fixtures";
import { enqueueFromTenant } from "../queue";
import { clinicProof, createTenantClients, TENANT_ROLE, type TenantClients } from "./index";

describe("tenancy wall against raw SQL", () => {
  const t = useTestDatabase();
  let a: string;
  let b: string;
  let owner: string;
  let open: TenantClients[] = [];
  /** One connection, so each attack and the read after it share a session. */
  const tenant = (clinicId: string) => {
    const clients = createTenantClients(t.url, { max: 1 });
    open.push(clients);
    return clients.forTenant(clinicId);
  };
  afterEach(async () => {
    await Promise.all(open.map((c) => c.close()));
    open = [];
  });

  beforeAll(async () => {
    const clinic = (name: string) =>
      t.db.clinic.create({ data: { name, slug: `${name}-${randomBytes(3).toString("hex")}`, timezone: "UTC" } });
    a = (await clinic("wall-a")).id;
    b = (await clinic("wall-b")).id;
    await fillClinic(t.db, a, "Alpha");
    await fillClinic(t.db, b, "Bravo");
    owner = (
      await t.db.$queryRaw<{ o: string }[]>`SELECT tableowner AS o FROM pg_tables WHERE tablename = 'patients'`
    )[0]?.o as string;
  });

  const patientsOf = async (db: ReturnType<typeof tenant>, clinicId: string) =>
    Number(
      (
        await db.$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) AS n FROM patients WHERE "clinicId" = $1::uuid`,
          clinicId,
        )
      )[0]?.n,
    );

  it("logs in as its own role, which RESET ROLE cannot leave", async () => {
    const db = tenant(a);
    expect(await db.$queryRawUnsafe(`SELECT current_user AS u, session_user AS s`)).toEqual([
      { u: TENANT_ROLE, s: TENANT_ROLE },
    ]);
    await db.$executeRawUnsafe("RESET ROLE");
    expect(await patientsOf(db, b)).toBe(0);
    expect(await patientsOf(db, a)).toBe(1);
    // Inside a transaction too (what core itself used to do around enqueueing).
    const inTx = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL ROLE NONE");
      return tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM patients`);
    });
    expect(inTx).toEqual([{ n: 1n }]);
  });

  it("cannot become the owner of the tables", async () => {
    const db = tenant(a);
    await expect(db.$executeRawUnsafe(`SET ROLE ${owner}`)).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe(`SET SESSION AUTHORIZATION ${owner}`)).rejects.toThrow(/permission denied/);
    expect(await patientsOf(db, b)).toBe(0);
  });

  it("cannot point itself at another clinic with set_config", async () => {
    const db = tenant(a);
    await db.$queryRawUnsafe(`SELECT set_config('app.clinic_id', $1, false)`, b);
    await expect(patientsOf(db, b)).rejects.toThrow(/not set by the application/);
    // Nor by carrying its own (valid) proof over to the other clinic's id.
    const [own] = await db.$queryRawUnsafe<{ p: string }[]>(`SELECT current_setting('app.clinic_proof') AS p`);
    await db.$queryRawUnsafe(
      `SELECT set_config('app.clinic_id', $1, false), set_config('app.clinic_proof', $2, false)`,
      b,
      own?.p,
    );
    await expect(patientsOf(db, b)).rejects.toThrow(/not set by the application/);
    // Nor by reaching the key.
    await expect(db.$queryRawUnsafe(`SELECT key FROM tenancy_private.clinic_key`)).rejects.toThrow(/permission denied/);
  });

  it("cannot remove another clinic's members or enqueue another clinic's jobs", async () => {
    const db = tenant(a);
    const bMember = await t.db.user.create({
      data: { email: `m-${randomBytes(3).toString("hex")}@b.test`, name: "B" },
    });
    const membership = await t.db.membership.create({ data: { clinicId: b, userId: bMember.id, role: "staff" } });
    expect(await db.$queryRawUnsafe(`SELECT remove_clinic_member($1::uuid) AS id`, membership.id)).toEqual([
      { id: null },
    ]);
    expect(await t.db.membership.count({ where: { id: membership.id } })).toBe(1);

    const messageId = "00000000-0000-7000-8000-000000000000";
    await expect(
      db.$transaction((tx) => enqueueFromTenant(tx, "sms:send", { clinicId: b, messageId })),
    ).rejects.toThrow(/only enqueue jobs for itself/);
    await expect(
      db.$queryRawUnsafe(`SELECT graphile_worker.add_job('sms:send', json_build_object('clinicId', $1::text))`, b),
    ).rejects.toThrow(/permission denied/);
    // Its own jobs go in, their keys scoped to it.
    const own = await db.$transaction((tx) =>
      enqueueFromTenant(tx, "sms:send", { clinicId: a, messageId }, { jobKey: "k" }),
    );
    const [job] = await t.db.$queryRaw<
      { key: string }[]
    >`SELECT key FROM graphile_worker.jobs WHERE id = ${BigInt(own.id)}`;
    expect(job?.key).toBe(`${a}:k`);
  });

  it("cannot read another clinic's proof from other sessions", async () => {
    const db = tenant(a);
    const other = tenant(b);
    await other.patient.count(); // B's connection is set up, and idle
    const key = (await t.db.$queryRaw<{ key: Uint8Array }[]>`SELECT key FROM tenancy_private.clinic_key`)[0]?.key;
    const seen = await db.$queryRawUnsafe<{ query: string }[]>(
      `SELECT query FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid()`,
      TENANT_ROLE,
    );
    expect(seen.length).toBeGreaterThan(0); // it can see B's session
    expect(JSON.stringify(seen)).not.toContain(clinicProof(Buffer.from(key as Uint8Array), b));
  });
});
