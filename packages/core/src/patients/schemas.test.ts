import { describe, expect, it } from "vitest";
import { normalizePhone } from "./schemas";

describe("phone numbers as people say and type them", () => {
  it.each([
    ["(415) 555-0100", "+14155550100"],
    ["415.555.0100", "+14155550100"],
    ["1 415 555 0100", "+14155550100"],
    ["+1 (415) 555-0100", "+14155550100"],
    ["+44 20 7946 0958", "+442079460958"],
    ["0044 20 7946 0958", "+442079460958"],
  ])("%s → %s", (raw, e164) => {
    expect(normalizePhone(raw)).toBe(e164);
  });

  it("reads national numbers in the clinic's country", () => {
    expect(normalizePhone("020 7946 0958", "44")).toBe("+442079460958");
  });

  it.each(["12", "555-0100", "+0 123 456", "call me maybe", ""])("refuses %j", (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});
