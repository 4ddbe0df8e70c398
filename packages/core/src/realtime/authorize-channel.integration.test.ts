// Who may listen to a clinic's live updates: its members, on its own channel, while it is active.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useCore } from "../../../../test/core";
import { useTestDatabase } from "../../../../test/database";
import { authorizeRealtimeChannel } from "./authorize-channel";
import { clinicChannel } from "./schemas";

describe("authorizeRealtimeChannel", () => {
  const t = useTestDatabase();
  const core = useCore(t);
  const socketId = "1234.5678";
  const as = (userId: string) => ({ type: "user" as const, userId });

  it("lets a member listen to their clinic's channel, and to no other clinic's", async () => {
    const mine = await core.newClinic("Mine");
    const theirs = await core.newClinic("Theirs");
    const staff = await core.newMember(mine, "staff");

    for (const userId of [mine.userId, staff.userId]) {
      expect(
        await authorizeRealtimeChannel(t.db, as(userId), { socketId, channel: clinicChannel(mine.clinicId) }),
      ).toEqual({ clinicId: mine.clinicId });
    }
    await expect(
      authorizeRealtimeChannel(t.db, as(staff.userId), { socketId, channel: clinicChannel(theirs.clinicId) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      authorizeRealtimeChannel(t.db, as(mine.userId), { socketId, channel: clinicChannel(randomUUID()) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("gives API keys, the signed-out and any other channel name nothing", async () => {
    const clinic = await core.newClinic("Keys");
    const channel = clinicChannel(clinic.clinicId);
    const key = { type: "api_key" as const, apiKeyId: randomUUID(), clinicId: clinic.clinicId, role: "owner" as const };
    await expect(authorizeRealtimeChannel(t.db, key, { socketId, channel })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(authorizeRealtimeChannel(t.db, null, { socketId, channel })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    for (const other of [`${channel}x`, `presence-clinic-${clinic.clinicId}`, "announcements", `private-${channel}`]) {
      await expect(
        authorizeRealtimeChannel(t.db, as(clinic.userId), { socketId, channel: other }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      authorizeRealtimeChannel(t.db, as(clinic.userId), { socketId: "1.2:evil", channel }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("stops a suspended or deleted clinic's members from listening", async () => {
    for (const status of ["suspended", "deleted"] as const) {
      const clinic = await core.newClinic(status);
      await t.db.clinic.update({ where: { id: clinic.clinicId }, data: { status } });
      await expect(
        authorizeRealtimeChannel(t.db, as(clinic.userId), { socketId, channel: clinicChannel(clinic.clinicId) }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
