import { describe, expect, it } from "vitest";
import { changeOf, hourLabel, money, talkTime } from "./figures";

describe("analytics figures", () => {
  it("compares with the period before, and knows which way is good news", () => {
    expect(changeOf(120, 100, { better: "up" })).toEqual({ direction: "up", text: "20%", good: true });
    expect(changeOf(80, 100, { better: "up" })).toEqual({ direction: "down", text: "20%", good: false });
    expect(changeOf(1.1, 1.25, { better: "down" })).toEqual({ direction: "down", text: "12%", good: true });
    expect(changeOf(300, 200)).toEqual({ direction: "up", text: "50%", good: null });
    expect(changeOf(5, 0, { better: "up" })).toEqual({ direction: "up", text: "new", good: true });
    expect(changeOf(0, 0)).toEqual({ direction: "same", text: "0%", good: null });
    expect(changeOf(null, 0.5)).toBeNull();
    // A share moves in points: 50% -> 62% is 12 points, not 24 percent.
    expect(changeOf(0.62, 0.5, { points: true, better: "up" })).toEqual({
      direction: "up",
      text: "12 pts",
      good: true,
    });
    expect(changeOf(0.5, 0.5, { points: true, better: "up" })).toEqual({
      direction: "same",
      text: "0 pts",
      good: null,
    });
  });

  it("writes money, durations and hours as people read them", () => {
    expect(money(1234.5)).toBe("$1,234.50");
    expect(money(null)).toBe("—");
    expect(talkTime(42)).toBe("42 s");
    expect(talkTime(222.4)).toBe("3 min 42 s");
    expect(talkTime(43_500)).toBe("12 h 5 min");
    expect([0, 9, 12, 23].map(hourLabel)).toEqual(["12 AM", "9 AM", "12 PM", "11 PM"]);
  });
});
