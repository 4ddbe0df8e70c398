// Patients on real PostgreSQL, called without a router: each change, and each look at a
// record, is audited as the actor it was given, in the same transaction.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { agentOrigin, staffOrigin, useTenantClinic } from "../../../../test/fixtures";
import { createPatient } from "./create-patient";
import { getPatient } from "./get-patient";
import { updatePatient } from "./update-patient";

describe("patients", () => {
  const t = useTestDatabase();
  const staff = staffOrigin();
  const clinic = useTenantClinic(t);
  const audits = (action: string, targetId: string) => t.db.auditLog.findMany({ where: { action, targetId } });

  it("finds the patient with the same phone instead of adding a second, even when asked twice at once", async () => {
    const details = { firstName: "Ana", lastName: "Lopez", phone: "(415) 555-0301" };
    const [a, b] = await Promise.all([
      createPatient(clinic.db, staff, details),
      createPatient(clinic.db, agentOrigin(), details),
    ]);
    expect(b.id).toBe(a.id);
    expect(a.phone).toBe("+14155550301");
    expect((await audits("patient.create", a.id)).map((row) => row.actorType).sort()).toEqual(["user", "voice_agent"]);
  });

  it("audits looking at a record, and not looking at one that isn't there", async () => {
    const patient = await createPatient(clinic.db, staff, { firstName: "Bo", lastName: "Kim", phone: "+14155550302" });
    expect(await getPatient(clinic.db, staff, { patientId: patient.id })).toMatchObject({
      id: patient.id,
      firstName: "Bo",
    });
    expect(await audits("patient.view", patient.id)).toEqual([
      expect.objectContaining({ actorType: "user", actorUserId: (staff.actor as { userId: string }).userId }),
    ]);
    const missing = "01900000-0000-7000-8000-000000000000";
    await expect(getPatient(clinic.db, staff, { patientId: missing })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await audits("patient.view", missing)).toEqual([]);
  });

  it("changes only the fields given, and a refused change leaves no audit row", async () => {
    const patient = await createPatient(clinic.db, staff, { firstName: "Cy", lastName: "Ng", phone: "+14155550303" });
    const updated = await updatePatient(clinic.db, staff, { patientId: patient.id, notes: "prefers mornings" });
    expect(updated).toMatchObject({ firstName: "Cy", lastName: "Ng", notes: "prefers mornings" });
    // Another patient already has this number: the update fails, and so does its audit row.
    await expect(
      updatePatient(clinic.db, staff, { patientId: patient.id, phone: "+14155550302" }),
    ).rejects.toMatchObject({
      code: "P2002",
    });
    expect(await audits("patient.update", patient.id)).toHaveLength(1);
  });
});
