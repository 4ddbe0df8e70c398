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
    expect(second).toMatchObject({ created: false, orgId: first.orgId });

    const org = await t.db.organization.findUniqueOrThrow({
      where: { id: first.orgId },
      include: {
        memberships: { include: { user: true } },
        providers: { include: { workingHours: true, appointmentTypes: true } },
        appointmentTypes: true,
        assistants: true,
        phoneNumbers: true,
      },
    });
    expect(org.timezone).toBe("America/New_York");
    expect(org.memberships).toHaveLength(1);
    expect(org.memberships[0]?.role).toBe("owner");
    expect(await verifyPassword(demoLogin.password, org.memberships[0]?.user.passwordHash ?? "")).toBe(true);
    expect(org.providers).toHaveLength(2);
    for (const provider of org.providers) {
      expect(provider.workingHours.map((h) => h.weekday).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(provider.appointmentTypes).toHaveLength(org.appointmentTypes.length);
    }
    expect(org.assistants).toHaveLength(1);
    expect(org.phoneNumbers).toEqual([
      expect.objectContaining({ e164: "+15555550100", assistantId: org.assistants[0]?.id }),
    ]);
    expect(await t.db.organization.count()).toBe(1);
  });
});
