// Team, hours and clinic changes made at the same moment, each on its own pooled connection:
// one wins, the other answers clearly, and the invariants hold (a clinic keeps an owner, only
// an owner removes an owner, a provider has one set of hours, a clinic is deleted once).
import { describe, expect, it } from "vitest";
import { emailedToken, useCore } from "../../../../test/core";
import { useTestDatabase } from "../../../../test/database";
import { createAppointmentType } from "../appointment-types/create-appointment-type";
import { deleteClinic } from "../clinics/delete-clinic";
import { createProvider } from "../providers/create-provider";
import { setWeeklyHours } from "../providers/set-weekly-hours";
import { updateProvider } from "../providers/update-provider";
import { acceptInvitation } from "./accept-invitation";
import { changeRole } from "./change-role";
import { inviteMember } from "./invite-member";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";

const ROUNDS = 4;

describe("concurrent team, hours and clinic changes", () => {
  const t = useTestDatabase();
  const core = useCore(t);
  const membershipOf = async (clinic: { db: Parameters<typeof listMembers>[0] }, userId: string) =>
    (await listMembers(clinic.db)).find((m) => m.userId === userId)?.id as string;

  it("two owners removing or demoting each other at once: the clinic keeps an owner", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const clinic = await core.newClinic("TwoOwners");
      const second = await core.newMember(clinic, "owner");
      const first = await membershipOf(clinic, clinic.userId);
      const other = await membershipOf(clinic, second.userId);
      await Promise.allSettled([
        round % 2
          ? removeMember(clinic.db, clinic.origin, { membershipId: other })
          : changeRole(clinic.db, clinic.origin, { membershipId: other, role: "admin" }),
        removeMember(clinic.db, second.origin, { membershipId: first }),
      ]);
      expect(await t.db.membership.count({ where: { clinicId: clinic.clinicId, role: "owner" } })).toBe(1);
    }
  });

  it("an admin removing someone an owner is promoting at that moment never removes an owner", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const clinic = await core.newClinic("Promote");
      const admin = await core.newMember(clinic, "admin");
      const staff = await core.newMember(clinic, "staff");
      const membershipId = await membershipOf(clinic, staff.userId);
      const [promoted, removed] = await Promise.allSettled([
        changeRole(clinic.db, clinic.origin, { membershipId, role: "owner" }),
        removeMember(clinic.db, admin.origin, { membershipId }),
      ]);
      // Either the removal came first (the promotion finds nobody) or the promotion did (an
      // admin may not remove an owner); never both.
      expect([promoted.status, removed.status]).not.toEqual(["fulfilled", "fulfilled"]);
      if (promoted.status === "fulfilled") {
        expect(removed).toMatchObject({ reason: { code: "FORBIDDEN" } });
        expect(await t.db.membership.findUnique({ where: { id: membershipId } })).toMatchObject({ role: "owner" });
      } else {
        expect(promoted).toMatchObject({ reason: { code: "NOT_FOUND" } });
      }
    }
  });

  it("two invitations to one address sent at once leave one usable link", async () => {
    const clinic = await core.newClinic("Invites");
    for (let round = 0; round < ROUNDS; round++) {
      const email = `twice-${round}@example.test`;
      await Promise.all([
        inviteMember(clinic.db, clinic.origin, { email, role: "staff" }, core.mail),
        inviteMember(clinic.db, clinic.origin, { email, role: "admin" }, core.mail),
      ]);
      const pending = await t.db.invitation.count({
        where: { clinicId: clinic.clinicId, email, acceptedAt: null, revokedAt: null },
      });
      expect(pending).toBe(1);
    }
  });

  it("one invitation accepted twice at once joins once", async () => {
    const clinic = await core.newClinic("Accept");
    const person = await core.newClinic("Person");
    await inviteMember(clinic.db, clinic.origin, { email: person.email, role: "staff" }, core.mail);
    const token = emailedToken(core.sentEmails, person.email, "/invite/");
    const origin = { actor: { type: "user" as const, userId: person.userId }, ip: null };
    const outcomes = await Promise.allSettled([
      acceptInvitation(t.db, origin, { token }),
      acceptInvitation(t.db, origin, { token }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "BAD_REQUEST" } });
    expect(await t.db.membership.count({ where: { clinicId: clinic.clinicId, userId: person.userId } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { clinicId: clinic.clinicId, action: "team.join" } })).toBe(1);
  });

  it("two replacements of a provider's weekly hours at once leave one of them, not both", async () => {
    const clinic = await core.newClinic("Hours");
    const provider = await createProvider(clinic.db, clinic.origin, { name: "Dr. Hours" });
    const mornings = [1, 2, 3].map((weekday) => ({ weekday, startMinute: 480, endMinute: 720 }));
    const days = [1, 2, 3].map((weekday) => ({ weekday, startMinute: 600, endMinute: 1020 }));
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all([
        setWeeklyHours(clinic.db, clinic.origin, { providerId: provider.id, hours: mornings }),
        setWeeklyHours(clinic.db, clinic.origin, { providerId: provider.id, hours: days }),
      ]);
      const hours = await t.db.workingHours.findMany({
        where: { providerId: provider.id },
        select: { weekday: true, startMinute: true, endMinute: true },
        orderBy: { weekday: "asc" },
      });
      expect([mornings, days]).toContainEqual(hours);
    }
  });

  it("two replacements of what a provider offers at once leave one of them", async () => {
    const clinic = await core.newClinic("Offers");
    const types = await Promise.all(
      ["Check-up", "Cleaning", "X-ray", "Filling"].map((name) =>
        createAppointmentType(clinic.db, clinic.origin, { name, durationMinutes: 30 }),
      ),
    );
    const provider = await createProvider(clinic.db, clinic.origin, { name: "Dr. Offers" });
    const first = types.slice(0, 3).map((type) => type.id);
    const second = types.slice(1).map((type) => type.id);
    for (let round = 0; round < ROUNDS; round++) {
      const outcomes = await Promise.allSettled([
        updateProvider(clinic.db, clinic.origin, { providerId: provider.id, appointmentTypeIds: first }),
        updateProvider(clinic.db, clinic.origin, { providerId: provider.id, appointmentTypeIds: second }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled"]);
      const offered = await t.db.providerAppointmentType.findMany({ where: { providerId: provider.id } });
      expect([first.toSorted(), second.toSorted()]).toContainEqual(offered.map((o) => o.appointmentTypeId).toSorted());
    }
  });

  it("a clinic deleted twice at once is deleted once", async () => {
    const clinic = await core.newClinic("Delete");
    const { name } = await t.db.clinic.findUniqueOrThrow({ where: { id: clinic.clinicId } });
    const outcomes = await Promise.allSettled([
      deleteClinic(clinic.db, clinic.origin, { confirmName: name }),
      deleteClinic(clinic.db, clinic.origin, { confirmName: name }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "NOT_FOUND" } });
    expect(await t.db.auditLog.count({ where: { clinicId: clinic.clinicId, action: "clinic.delete" } })).toBe(1);
  });
});
