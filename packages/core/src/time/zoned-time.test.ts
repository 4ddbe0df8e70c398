import { describe, expect, it } from "vitest";
import { offsetMinutes, spokenTime, spokenWallClock, wallClock, zonedToUtc } from "./zoned-time";

const ny = "America/New_York";

describe("clinic wall-clock time", () => {
  it("converts ordinary days both ways", () => {
    expect(zonedToUtc({ year: 2030, month: 1, day: 15 }, 9 * 60, ny).toISOString()).toBe("2030-01-15T14:00:00.000Z");
    expect(zonedToUtc({ year: 2030, month: 7, day: 15 }, 9 * 60, ny).toISOString()).toBe("2030-07-15T13:00:00.000Z");
    expect(wallClock(new Date("2030-07-15T13:00:00Z"), ny)).toMatchObject({ day: 15, minute: 540 });
  });

  it("keeps 9:00 at 9:00 across the spring-forward weekend", () => {
    // DST starts 2030-03-10 at 02:00 in New York.
    expect(zonedToUtc({ year: 2030, month: 3, day: 9 }, 540, ny).toISOString()).toBe("2030-03-09T14:00:00.000Z");
    expect(zonedToUtc({ year: 2030, month: 3, day: 10 }, 540, ny).toISOString()).toBe("2030-03-10T13:00:00.000Z");
  });

  it("moves a wall time inside the spring-forward gap forward by the gap", () => {
    // 02:30 does not exist on 2030-03-10; clocks read 03:30 at that instant.
    const t = zonedToUtc({ year: 2030, month: 3, day: 10 }, 150, ny);
    expect(t.toISOString()).toBe("2030-03-10T07:30:00.000Z");
    expect(wallClock(t, ny).minute).toBe(210);
  });

  it("takes the first of a repeated fall-back hour", () => {
    // DST ends 2030-11-03 at 02:00; 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(zonedToUtc({ year: 2030, month: 11, day: 3 }, 90, ny).toISOString()).toBe("2030-11-03T05:30:00.000Z");
    expect(zonedToUtc({ year: 2030, month: 11, day: 3 }, 180, ny).toISOString()).toBe("2030-11-03T08:00:00.000Z");
  });

  it("handles zones east of UTC, half-hour offsets and the southern hemisphere", () => {
    expect(zonedToUtc({ year: 2030, month: 6, day: 1 }, 600, "Asia/Kolkata").toISOString()).toBe(
      "2030-06-01T04:30:00.000Z",
    );
    expect(offsetMinutes(new Date("2030-01-01T00:00:00Z"), "Australia/Sydney")).toBe(660);
    expect(offsetMinutes(new Date("2030-07-01T00:00:00Z"), "Australia/Sydney")).toBe(600);
    expect(zonedToUtc({ year: 2030, month: 1, day: 1 }, 0, "Pacific/Kiritimati").toISOString()).toBe(
      "2029-12-31T10:00:00.000Z",
    );
  });

  it("says times the way a receptionist would", () => {
    expect(spokenTime(new Date("2030-03-05T14:30:00Z"), ny)).toBe("Tuesday, March 5 at 9:30 AM");
  });

  it("says a known wall clock in the same words as the instant, across clock changes", () => {
    const say = spokenWallClock();
    // Every 15 minutes through New York's spring-forward and fall-back weeks of 2030.
    for (const start of ["2030-03-08T00:00:00Z", "2030-10-31T00:00:00Z"]) {
      for (let t = Date.parse(start); t < Date.parse(start) + 4 * 86_400_000; t += 15 * 60_000) {
        const instant = new Date(t);
        const w = wallClock(instant, ny);
        expect(say(w, w.minute)).toBe(spokenTime(instant, ny));
      }
    }
  });

  it("reads the same wall clock as Intl at any instant, though it asks Intl once per quarter hour", () => {
    // Half-hour DST (Lord Howe), quarter-hour offsets (Kathmandu, Chatham), both hemispheres.
    const zones = [ny, "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "America/St_Johns", "Europe/London"];
    for (const timeZone of zones) {
      const intl = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
      // Every 47 minutes and 13 seconds through 2031, so at odd seconds on both sides of every
      // transition; and each minute of the hours around New York's.
      const instants = [];
      for (let t = Date.UTC(2031, 0, 1); t < Date.UTC(2032, 0, 1); t += 47 * 60_000 + 13_000) instants.push(t);
      for (const edge of [Date.UTC(2031, 2, 9, 7), Date.UTC(2031, 10, 2, 6)]) {
        for (let t = edge - 3_600_000; t < edge + 3_600_000; t += 60_000 + 1_000) instants.push(t);
      }
      const wrong = instants.filter((t) => {
        const p = Object.fromEntries(intl.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
        const w = wallClock(new Date(t), timeZone);
        return (
          w.year !== p.year ||
          w.month !== p.month ||
          w.day !== p.day ||
          w.minute !== (p.hour as number) * 60 + (p.minute as number) ||
          w.second !== p.second
        );
      });
      expect(wrong.map((t) => `${timeZone} ${new Date(t).toISOString()}`)).toEqual([]);
    }
  }, 30_000);
});
