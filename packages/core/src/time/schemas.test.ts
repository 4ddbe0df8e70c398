import { describe, expect, it } from "vitest";
import { calendarDay, instant, localDate } from "./schemas";

describe("dates at the edges", () => {
  it("takes only dates that exist", () => {
    for (const ok of ["2030-03-05", "2028-02-29", "2030-12-31"]) expect(localDate.parse(ok)).toBe(ok);
    for (const bad of [
      "2030-13-45",
      "2030-02-31",
      "2030-02-29",
      "2030-04-31",
      "2030-00-10",
      "0000-00-00",
      "2030-3-5",
    ]) {
      expect(localDate.safeParse(bad).success, bad).toBe(false);
    }
    expect(localDate.safeParse("2030-02-31").error?.issues[0]?.message).toBe(
      "that date does not exist; use a date like 2030-03-05",
    );
  });

  it("takes a moment as a Date or an ISO timestamp with its offset, nothing looser", () => {
    expect(instant.parse("2030-03-05T09:30:00-05:00")).toEqual(new Date("2030-03-05T14:30:00Z"));
    expect(instant.parse(new Date("2030-03-05T14:30:00Z"))).toEqual(new Date("2030-03-05T14:30:00Z"));
    for (const bad of [
      "2030-02-31T10:00:00Z",
      "2030-13-45T10:00:00Z",
      "2030-03-05",
      "March 5",
      null,
      true,
      0,
      new Date(Number.NaN),
      new Date("9999-01-01T00:00:00Z"),
    ]) {
      expect(instant.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it("reads a day without a time as that day at UTC midnight, whichever way it comes", () => {
    expect(calendarDay.parse("1980-03-05")).toEqual(new Date("1980-03-05T00:00:00Z"));
    expect(calendarDay.parse(new Date("1980-03-05T18:45:00Z"))).toEqual(new Date("1980-03-05T00:00:00Z"));
    expect(calendarDay.safeParse("1980-02-30").success).toBe(false);
    expect(calendarDay.safeParse("1800-01-01").success).toBe(false);
  });
});
