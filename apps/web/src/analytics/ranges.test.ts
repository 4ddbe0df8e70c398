import { describe, expect, it } from "vitest";
import { describeRange, presetRange, readRange } from "./ranges";

describe("analytics periods", () => {
  it("counts presets back from the clinic's today, both ends included", () => {
    expect(presetRange("7d", "2026-03-08")).toEqual({ preset: "7d", from: "2026-03-02", to: "2026-03-08" });
    expect(presetRange("30d", "2026-03-08")).toEqual({ preset: "30d", from: "2026-02-07", to: "2026-03-08" });
    expect(presetRange("month", "2026-03-08")).toEqual({ preset: "month", from: "2026-03-01", to: "2026-03-08" });
    expect(presetRange("last-month", "2026-03-08")).toEqual({
      preset: "last-month",
      from: "2026-02-01",
      to: "2026-02-28",
    });
    expect(presetRange("last-month", "2026-01-15")).toMatchObject({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("takes a custom range only when it is one, and says when it wasn't", () => {
    const today = "2026-12-07";
    expect(readRange({}, today)).toEqual({ range: presetRange("30d", today), misread: false });
    expect(readRange({ preset: "custom", from: "2026-11-01", to: "2026-11-15" }, today)).toEqual({
      range: { preset: "custom", from: "2026-11-01", to: "2026-11-15" },
      misread: false,
    });
    expect(readRange({ from: "2026-11-01", to: "2026-11-15" }, today).range.preset).toBe("custom");
    for (const bad of [
      { preset: "custom", from: "2026-02-31", to: "2026-03-02" },
      { preset: "custom", from: "2026-11-15", to: "2026-11-01" },
      { preset: "custom", from: "2024-01-01", to: "2026-01-01" },
      { preset: "custom", from: "2026-11-01" },
      { preset: "fortnight" },
    ]) {
      expect(readRange(bad, today), JSON.stringify(bad)).toEqual({ range: presetRange("30d", today), misread: true });
    }
  });

  it("reads a range as people write one", () => {
    expect(describeRange({ from: "2026-11-08", to: "2026-12-07" })).toBe("Nov 8 – Dec 7, 2026");
    expect(describeRange({ from: "2025-12-20", to: "2026-01-05" })).toBe("Dec 20, 2025 – Jan 5, 2026");
    expect(describeRange({ from: "2026-12-07", to: "2026-12-07" })).toBe("Dec 7, 2026");
  });
});
