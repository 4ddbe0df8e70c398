import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-redirect";

describe("safeNextPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeNextPath("/schedule?date=2030-01-02#top")).toBe("/schedule?date=2030-01-02#top");
    expect(safeNextPath("/invite/abc123")).toBe("/invite/abc123");
  });

  it("falls back for anything a browser could resolve to another site or scheme", () => {
    for (const attack of [
      "//evil.com",
      "/\\evil.com",
      "/%5Cevil.com",
      "/%5cevil.com",
      "\\\\evil.com",
      "/%2F%2Fevil.com",
      "/%2fevil.com",
      "/\tevil.com",
      "/\t/evil.com",
      "/%09/evil.com",
      "/\n/evil.com",
      "https://evil.com",
      "javascript:alert(1)",
      " /dashboard",
      "evil.com",
      "",
      "/%E0%A4%A", // malformed encoding
    ]) {
      expect(safeNextPath(attack), attack).toBe("/dashboard");
    }
    expect(safeNextPath(undefined)).toBe("/dashboard");
    expect(safeNextPath(["/a", "/b"])).toBe("/dashboard");
  });
});
