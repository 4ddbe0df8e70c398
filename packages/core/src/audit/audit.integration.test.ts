// A change and its audit row commit together or not at all, whoever calls the use case.
import { describe, expect, it } from "vitest";
import { useCore } from "../../../../test/core";
import { useTestDatabase } from "../../../../test/database";
import { deleteClinic } from "../clinics/delete-clinic";
import { updateClinic } from "../clinics/update-clinic";
import { inviteMember } from "../team/invite-member";
import { leaveClinic } from "../team/leave-clinic";
import { revokeInvitation } from "../team/revoke-invitation";
import { listAudit } from "./list-audit";

describe("audit rows are written by the use case, in its transaction", () => {
  const t = useTestDatabase();
  const core = useCore(t);
  const auditRows = (clinicId: string, action: string) => t.db.auditLog.findMany({ where: { clinicId, action } });

  it("a refused change leaves no audit row", async () => {
    const clinic = await core.newClinic("Refused");
    await expect(leaveClinic(clinic.db, clinic.origin)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(deleteClinic(clinic.db, clinic.origin, { confirmName: "not its name" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("to confirm"),
    });
    expect(await auditRows(clinic.clinicId, "team.leave")).toEqual([]);
    expect(await auditRows(clinic.clinicId, "clinic.delete")).toEqual([]);
    expect((await t.db.clinic.findUniqueOrThrow({ where: { id: clinic.clinicId } })).status).toBe("active");
  });

  it("a change whose audit row cannot be written does not happen", async () => {
    const clinic = await core.newClinic("Unrecorded");
    // The audit insert fails inside the use case's transaction, after the change was made.
    await t.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_clinic_update_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`);
    await t.db.$executeRawUnsafe(`
      CREATE TRIGGER refuse_clinic_update_audit BEFORE INSERT ON audit_logs FOR EACH ROW
      WHEN (NEW.action = 'clinic.update') EXECUTE FUNCTION refuse_clinic_update_audit()`);
    try {
      await expect(updateClinic(clinic.db, clinic.origin, { phone: "+14155550123" })).rejects.toThrow(
        /audit store unavailable/,
      );
    } finally {
      await t.db.$executeRawUnsafe("DROP TRIGGER refuse_clinic_update_audit ON audit_logs");
      await t.db.$executeRawUnsafe("DROP FUNCTION refuse_clinic_update_audit");
    }
    expect((await t.db.clinic.findUniqueOrThrow({ where: { id: clinic.clinicId } })).phone).toBeNull();
  });

  it("a use case called without a router records its actor", async () => {
    const clinic = await core.newClinic("No router");
    const { invitation } = await inviteMember(
      clinic.db,
      clinic.origin,
      { email: "later@example.test", role: "staff" },
      core.mail,
    );
    // The platform (say, a clean-up job) revokes it: no request, no session, no IP.
    await revokeInvitation(clinic.db, { actor: { type: "system" }, ip: null }, { invitationId: invitation.id });
    expect(await auditRows(clinic.clinicId, "team.revokeInvitation")).toEqual([
      expect.objectContaining({
        actorType: "system",
        actorUserId: null,
        apiKeyId: null,
        targetType: "invitation",
        targetId: invitation.id,
        ip: null,
      }),
    ]);
    // And the invitation itself was recorded as the owner's, from their address.
    const { items } = await listAudit(clinic.db, { action: "team.invite" });
    expect(items).toEqual([
      expect.objectContaining({
        actorType: "user",
        actorUserId: clinic.userId,
        actorName: "No router Owner",
        ip: clinic.origin.ip,
        metadata: { email: "later@example.test", role: "staff" },
      }),
    ]);
  });
});
