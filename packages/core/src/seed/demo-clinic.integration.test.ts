import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { verifyPassword } from "../auth/password";
import { demoLogin, seedDemoClinic } from "./demo-clinic";

describe("demo clinic seed", () => {
  const t = useTestDatabase();

  it("creates a usable clinic once and finds it afterwards", async () => {
    const first = await seedDemoClinic(t.db);
    const second = await seedDemoClinic(t.db);
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, clinicId: first.clinicId });

    const clinic = await t.db.clinic.findUniqueOrThrow({
      where: { id: first.clinicId },
      include: {
        memberships: { include: { user: true } },
        providers: { include: { workingHours: true, appointmentTypes: true } },
        appointmentTypes: true,
        assistants: true,
        phoneNumbers: true,
      },
    });
    expect(clinic.timezone).toBe("America/New_York");
    expect(clinic.memberships).toHaveLength(1);
    expect(clinic.memberships[0]?.role).toBe("owner");
    expect(await verifyPassword(demoLogin.password, clinic.memberships[0]?.user.passwordHash ?? "")).toBe(true);
    expect(clinic.providers).toHaveLength(2);
    for (const provider of clinic.providers) {
      expect(provider.workingHours.map((h) => h.weekday).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(provider.appointmentTypes).toHaveLength(clinic.appointmentTypes.length);
    }
    expect(clinic.assistants).toHaveLength(1);
    expect(clinic.phoneNumbers).toEqual([
      expect.objectContaining({ e164: "+15555550100", assistantId: clinic.assistants[0]?.id }),
    ]);
    expect(await t.db.clinic.count()).toBe(1);
  });
});
