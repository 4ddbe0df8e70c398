import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createDatabase, databaseUrl, dropDatabase } from "../../../../scripts/lib/postgres";
import { useTestDatabase } from "../../../../test/database";
import { applyMigrations, defaultMigrationPaths } from "./migrate";

const paths = defaultMigrationPaths(path.resolve(import.meta.dirname, "../../../.."));

// That the migrations produce exactly schema.prisma is tested with migrate:create
// (scripts/migrate-create.integration.test.ts).
describe("offline migrations", () => {
  it("apply to an empty database once, recorded like prisma migrate deploy", async () => {
    const admin = inject("pgAdminUrl");
    const name = `frontdesk_mig_${process.pid}`;
    await createDatabase(admin, name);
    try {
      const url = databaseUrl(admin, name);
      const first = await applyMigrations(url, paths);
      expect(first.length).toBeGreaterThan(0);
      expect(first[0]).toMatch(/^\d{14}_init$/);
      expect(await applyMigrations(url, paths)).toEqual([]);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(
        "SELECT migration_name, finished_at IS NOT NULL AS finished, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
      );
      await client.end();
      expect(rows).toEqual(first.map((migration_name) => ({ migration_name, finished: true, applied_steps_count: 1 })));
    } finally {
      await dropDatabase(admin, name);
    }
  });
});

describe("hand-written constraints", () => {
  const t = useTestDatabase();

  async function seedClinic() {
    const clinic = await t.db.clinic.create({
      data: { name: "Constraint Clinic", slug: `c-${crypto.randomUUID()}`, timezone: "Europe/London" },
    });
    const provider = await t.db.provider.create({ data: { clinicId: clinic.id, name: "Dr. A" } });
    const type = await t.db.appointmentType.create({
      data: { clinicId: clinic.id, name: "Visit", durationMinutes: 30 },
    });
    const patient = await t.db.patient.create({
      data: { clinicId: clinic.id, firstName: "Pat", lastName: "Ient", phone: "+14155550100" },
    });
    return { clinic, provider, type, patient };
  }

  const slot = (start: string, minutes: number) => {
    const startsAt = new Date(start);
    const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
    return { startsAt, endsAt, blockStart: startsAt, blockEnd: endsAt };
  };

  it("make overlapping live appointments for one provider impossible", async () => {
    const { clinic, provider, type, patient } = await seedClinic();
    const base = {
      clinicId: clinic.id,
      providerId: provider.id,
      appointmentTypeId: type.id,
      patientId: patient.id,
      source: "api" as const,
    };
    await t.db.appointment.create({ data: { ...base, status: "booked", ...slot("2030-01-07T10:00:00Z", 30) } });
    await expect(
      t.db.appointment.create({ data: { ...base, status: "booked", ...slot("2030-01-07T10:15:00Z", 30) } }),
    ).rejects.toThrow(/appointments_no_overlap|exclusion/i);
    // Back-to-back is fine ([start, end) ranges), and cancelled rows free the slot.
    await t.db.appointment.create({ data: { ...base, status: "booked", ...slot("2030-01-07T10:30:00Z", 30) } });
    await t.db.appointment.create({ data: { ...base, status: "cancelled", ...slot("2030-01-07T10:00:00Z", 30) } });
    expect(await t.db.appointment.count({ where: { clinicId: clinic.id } })).toBe(3);
  });

  it("reject malformed rows the schema language cannot describe", async () => {
    const { clinic } = await seedClinic();
    await expect(
      t.db.patient.create({ data: { clinicId: clinic.id, firstName: "N", lastName: "O", phone: "555-0100" } }),
    ).rejects.toThrow(/patients_phone_e164/);
    await expect(
      t.db.phoneNumber.create({ data: { clinicId: clinic.id, e164: "+0123", source: "managed" } }),
    ).rejects.toThrow(/phone_numbers_e164/);
  });

  it("keep the audit log append-only", async () => {
    const { clinic } = await seedClinic();
    const entry = await t.db.auditLog.create({
      data: { clinicId: clinic.id, actorType: "system", action: "test.write" },
    });
    await expect(t.db.auditLog.update({ where: { id: entry.id }, data: { action: "forged" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    expect((await t.db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe("test.write");
  });
});
