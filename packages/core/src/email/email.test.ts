import { describe, expect, it } from "vitest";
import { createMailer } from "./index";

describe("mailer", () => {
  const email = { to: "someone@example.test", subject: "Reset", text: "https://app.test/reset-password?token=secret" };

  it("prints messages to the log without SMTP outside production (how development reads links)", async () => {
    const lines: string[] = [];
    await createMailer(undefined, (line) => lines.push(line), "development").send(email);
    expect(lines).toEqual([expect.stringContaining("token=secret")]);
  });

  it("refuses to exist in production without SMTP, so no link can reach a log", () => {
    expect(() => createMailer(undefined, () => {}, "production")).toThrow("SMTP_URL is required in production");
  });

  it("never logs a message it sends over SMTP, even when sending fails", async () => {
    const lines: string[] = [];
    const mailer = createMailer("smtp://127.0.0.1:1", (line) => lines.push(line), "production");
    await expect(mailer.send(email)).rejects.toThrow();
    expect(lines).toEqual([]);
  });
});
