// Sign-in limits under concurrency: every attempt is counted before its password is checked,
// so a parallel burst gets no more checks than the limits allow, and no burst locks an owner out.
import { describe, expect, it } from "vitest";
import { useCore } from "../../../../test/core";
import { useTestDatabase } from "../../../../test/database";
import { limits, paces } from "../rate-limit";
import { authenticateWithPassword } from "./authenticate-with-password";

const PASSWORD = "correct horse battery";
const BURST = 60;

describe("sign-in rate limits", () => {
  const t = useTestDatabase();
  const core = useCore(t);

  /** "ok", "wrong" (the password was checked and failed) or the refusal's code. */
  const attempt = (email: string, password: string, ip: string, now?: Date) =>
    authenticateWithPassword(t.db, { email, password }, { ip }, now).then(
      (user) => (user ? "ok" : "wrong"),
      (error: { code?: string }) => error.code ?? String(error),
    );
  const tally = (results: string[]) =>
    results.reduce<Record<string, number>>((n, r) => Object.assign(n, { [r]: (n[r] ?? 0) + 1 }), {});

  it(`lets at most the per-address limit of ${BURST} parallel guesses from one address check a password`, async () => {
    const clinic = await core.newClinic("Burst");
    const results = await Promise.all(
      Array.from({ length: BURST }, () => attempt(clinic.email, "guess one two three", "203.0.113.5")),
    );
    expect(tally(results)).toEqual({
      wrong: limits.signInPerAccountFromIp.limit,
      RATE_LIMITED: BURST - limits.signInPerAccountFromIp.limit,
    });
  });

  it(`lets at most the account's free attempts of ${BURST} parallel guesses from ${BURST} addresses check a password`, async () => {
    const clinic = await core.newClinic("Spread");
    const results = await Promise.all(
      Array.from({ length: BURST }, (_, i) => attempt(clinic.email, "guess one two three", `203.0.113.${i + 10}`)),
    );
    expect(tally(results)).toEqual({
      wrong: paces.signInPerAccount.free,
      RATE_LIMITED: BURST - paces.signInPerAccount.free,
    });
  });

  it("never keeps the owner out longer than the pace's longest wait, however long the attack", async () => {
    const clinic = await core.newClinic("Siege");
    const start = Date.now();
    let at = start;
    // An attacker with many addresses takes every turn the moment it opens, for a while...
    for (let turn = 0; turn < 12; turn++) {
      const burst = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          attempt(clinic.email, "guess", `198.51.100.${turn * 5 + i + 1}`, new Date(at)),
        ),
      );
      expect(burst.filter((r) => r === "wrong").length).toBeLessThanOrEqual(paces.signInPerAccount.free);
      at += paces.signInPerAccount.maxDelaySeconds * 1000;
    }
    // ...and the owner, right at that moment, is told to wait at most the longest wait,
    // then gets in.
    const owner = "192.0.2.44";
    const refused = await authenticateWithPassword(
      t.db,
      { email: clinic.email, password: PASSWORD },
      { ip: owner },
      new Date(at - 1000),
    ).catch((e: { details?: { retryAfterSeconds: number } }) => e);
    expect(refused).toMatchObject({ code: "RATE_LIMITED" });
    expect((refused as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds).toBeLessThanOrEqual(
      paces.signInPerAccount.maxDelaySeconds,
    );
    expect(await attempt(clinic.email, PASSWORD, owner, new Date(at + 1000))).toBe("ok");
    // The attacker's own addresses stay shut for that account even with the right password.
    expect(await attempt(clinic.email, PASSWORD, "198.51.100.1", new Date(at + 2000))).toBe("RATE_LIMITED");
  });

  it("gives successful sign-ins their counts back, so an office behind one address is not shut out", async () => {
    const clinic = await core.newClinic("Office");
    for (let i = 0; i <= limits.signInPerIp.limit; i++)
      expect(await attempt(clinic.email, PASSWORD, "192.0.2.80")).toBe("ok");
  });

  it("stops one address guessing across many accounts", async () => {
    for (let i = 0; i < limits.signInPerIp.limit; i++)
      expect(await attempt(`nobody${i}@example.test`, "x", "198.51.100.200")).toBe("wrong");
    const other = await core.newClinic("Other");
    expect(await attempt(other.email, PASSWORD, "198.51.100.200")).toBe("RATE_LIMITED");
  });
});
