import { describe, expect, it } from "vitest";
import { useCore } from "../../../../test/core";
import { useTestDatabase } from "../../../../test/database";
import { authenticateWithPassword } from "./authenticate-with-password";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { signUp } from "./sign-up";

describe("sign-in and password reset", () => {
  const t = useTestDatabase();
  const core = useCore(t);

  it("resets a password through a single-use emailed link", async () => {
    const clinic = await core.newClinic("Reset");
    // The same answer whether or not the account exists: nothing, and no email.
    await expect(
      requestPasswordReset(t.db, { email: "nobody@example.test" }, core.mail, { ip: null }),
    ).resolves.toBeUndefined();
    expect(core.sentEmails.some((m) => m.includes("nobody@example.test"))).toBe(false);
    await requestPasswordReset(t.db, { email: clinic.email.toUpperCase() }, core.mail, { ip: null });
    const email = core.sentEmails.find(
      (m) => m.startsWith(`[email] to ${clinic.email}`) && m.includes("reset-password"),
    );
    const token = email?.match(/token=([\w-]+)/)?.[1] as string;
    expect(token).toBeTruthy();

    await expect(resetPassword(t.db, { token, password: "short" }, { ip: null })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["password"], message: "use at least 10 characters" })],
    });
    await resetPassword(t.db, { token, password: "a brand new password" }, { ip: null });
    await expect(resetPassword(t.db, { token, password: "another new password" }, { ip: null })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("expired or was already used"),
    });
    expect(
      await authenticateWithPassword(t.db, { email: clinic.email, password: "a brand new password" }, { ip: null }),
    ).toMatchObject({
      id: clinic.userId,
    });
  });

  it("refuses a second account for the same address", async () => {
    const clinic = await core.newClinic("Dupes");
    await expect(
      signUp(
        t.db,
        {
          name: "Again",
          email: clinic.email,
          password: "long enough pw",
          clinicName: "Dup clinic",
          timezone: "UTC",
        },
        core.mail,
        { ip: "192.0.2.200" },
      ),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("sign in or reset your password") });
  });
});
