// Providers' set-up on real PostgreSQL, called without a router: each change is audited as
// the actor it was given, in the same transaction, or not at all.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { staffOrigin, useTenantClinic } from "../../../../test/fixtures";
import { createAppointmentType } from "../appointment-types/create-appointment-type";
import { addOverride } from "./add-override";
import { createProvider } from "./create-provider";
import { removeOverride } from "./remove-override";
import { setWeeklyHours } from "./set-weekly-hours";
import { updateProvider } from "./update-provider";

describe("providers", () => {
  const t = useTestDatabase();
  const staff = staffOrigin();
  const clinic = useTenantClinic(t);
  const actions = async (targetId: string) =>
    (await t.db.auditLog.findMany({ where: { targetId }, orderBy: { id: "asc" } })).map((row) => row.action);

  it("updates only what is given: offering another type keeps the name and the hours", async () => {
    const cleaning = await createAppointmentType(clinic.db, staff, { name: "Cleaning", durationMinutes: 30 });
    const filling = await createAppointmentType(clinic.db, staff, { name: "Filling", durationMinutes: 60 });
    const provider = await createProvider(clinic.db, staff, { name: "Dr. Gap", appointmentTypeIds: [cleaning.id] });
    await setWeeklyHours(clinic.db, staff, {
      providerId: provider.id,
      hours: [{ weekday: 1, startMinute: 540, endMinute: 600 }],
    });
    const updated = await updateProvider(clinic.db, staff, {
      providerId: provider.id,
      appointmentTypeIds: [filling.id],
    });
    expect(updated).toMatchObject({
      name: "Dr. Gap",
      appointmentTypes: [{ appointmentTypeId: filling.id }],
      workingHours: [{ weekday: 1, startMinute: 540, endMinute: 600 }],
    });
    expect(await actions(provider.id)).toEqual(["provider.create", "provider.hours", "provider.update"]);
    expect(await actions(cleaning.id)).toEqual(["appointmentType.create"]);
  });

  it("refuses another clinic's (or no) appointment type, changing nothing and auditing nothing", async () => {
    const provider = await createProvider(clinic.db, staff, { name: "Dr. Keep" });
    await expect(
      updateProvider(clinic.db, staff, {
        providerId: provider.id,
        name: "Dr. Changed",
        appointmentTypeIds: [provider.id],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await t.db.provider.findUniqueOrThrow({ where: { id: provider.id } })).name).toBe("Dr. Keep");
    expect(await actions(provider.id)).toEqual(["provider.create"]);
  });

  it("adds and removes date overrides, audited with the date", async () => {
    const override = await addOverride(clinic.db, staff, { providerId: null, date: "2031-12-25", kind: "closed" });
    await removeOverride(clinic.db, staff, { overrideId: override.id });
    await expect(removeOverride(clinic.db, staff, { overrideId: override.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await actions(override.id)).toEqual(["schedule.override", "schedule.removeOverride"]);
    expect(await t.db.auditLog.findFirst({ where: { targetId: override.id } })).toMatchObject({
      metadata: { date: "2031-12-25" },
    });
  });
});
