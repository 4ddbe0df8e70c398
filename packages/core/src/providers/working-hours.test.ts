import { describe, expect, it } from "vitest";
import { workingHoursOn } from "./working-hours";

const weekly = [
  { weekday: 1, startMinute: 540, endMinute: 1020 },
  { weekday: 2, startMinute: 600, endMinute: 720 },
];
const override = (kind: "closed" | "open", providerId: string | null, minutes: [number, number] | null = null) => ({
  kind,
  providerId,
  startMinute: minutes?.[0] ?? null,
  endMinute: minutes?.[1] ?? null,
});

describe("workingHoursOn", () => {
  it("is the weekly hours of that weekday on a plain day", () => {
    expect(workingHoursOn(1, weekly, [])).toEqual({ hours: [{ startMinute: 540, endMinute: 1020 }], decidedBy: [] });
    expect(workingHoursOn(0, weekly, [])).toEqual({ hours: [], decidedBy: [] });
  });

  it("lets an override replace the week, closed over open, the provider's own over the clinic's", () => {
    const clinicClosed = override("closed", null);
    const ownOpen = override("open", "p1", [480, 600]);
    expect(workingHoursOn(1, weekly, [clinicClosed])).toEqual({ hours: [], decidedBy: [clinicClosed] });
    expect(workingHoursOn(1, weekly, [clinicClosed, ownOpen])).toEqual({
      hours: [{ startMinute: 480, endMinute: 600 }],
      decidedBy: [ownOpen],
    });
    const ownClosed = override("closed", "p1");
    expect(workingHoursOn(0, weekly, [ownOpen, ownClosed]).hours).toEqual([]);
    expect(workingHoursOn(0, weekly, [override("open", null, [600, 660])]).hours).toEqual([
      { startMinute: 600, endMinute: 660 },
    ]);
  });
});
