import { describe, expect, it } from "vitest";
import { bookable, buildCalendar, hoursOn, scheduleHref, scheduleWindow } from "./calendar";

const tz = "America/New_York";
const nineToFive = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 }));

const provider = (id: string, extra: Partial<Parameters<typeof hoursOn>[1]> = {}) => ({
  id,
  name: `Dr. ${id}`,
  title: null,
  email: null,
  phone: null,
  color: null,
  active: true,
  appointmentTypes: [{ appointmentTypeId: "type-a" }],
  workingHours: nineToFive,
  ...extra,
});

const override = (extra: Partial<Parameters<typeof hoursOn>[2][number]>) => ({
  id: "o",
  providerId: null,
  date: new Date("2026-03-10T00:00:00Z"),
  kind: "closed" as const,
  startMinute: null,
  endMinute: null,
  reason: null,
  ...extra,
});

const appointment = (id: string, providerId: string, startsAt: string, minutes = 30) => ({
  id,
  status: "booked" as const,
  startsAt: new Date(startsAt),
  endsAt: new Date(new Date(startsAt).getTime() + minutes * 60_000),
  holdExpiresAt: null,
  source: "dashboard" as const,
  notes: null,
  cancelledAt: null,
  cancelReason: null,
  rescheduledFromId: null,
  createdAt: new Date(startsAt),
  provider: { id: providerId, name: `Dr. ${providerId}` },
  appointmentType: { id: "type-a", name: "Check-up", durationMinutes: minutes },
  patient: { id: "p1", firstName: "Ana", lastName: "Lopez", phone: "+14155550100" },
});

describe("scheduleWindow", () => {
  it("asks for one clinic day, midnight to midnight in the clinic's zone, across a DST change", () => {
    // 2026-03-08 is the spring-forward day in New York: 23 hours long.
    const window = scheduleWindow({ date: "2026-03-08", view: "day", provider: null }, [provider("a")], tz);
    expect(window.days).toEqual(["2026-03-08"]);
    expect(window.appointments).toEqual({
      from: new Date("2026-03-08T05:00:00Z"),
      to: new Date("2026-03-09T04:00:00Z"),
      providerId: undefined,
    });
    expect(window.overrides).toEqual({
      from: new Date("2026-03-08T00:00:00Z"),
      to: new Date("2026-03-08T00:00:00Z"),
    });
  });

  it("spans Monday to Sunday for a week, for the chosen provider or else the first active one", () => {
    const providers = [provider("off", { active: false }), provider("b"), provider("c")];
    const week = scheduleWindow({ date: "2026-03-12", view: "week", provider: null }, providers, tz);
    expect(week.days).toEqual([
      "2026-03-09",
      "2026-03-10",
      "2026-03-11",
      "2026-03-12",
      "2026-03-13",
      "2026-03-14",
      "2026-03-15",
    ]);
    expect(week.providerParam).toBe("b");
    expect(week.appointments.providerId).toBe("b");
    const chosen = scheduleWindow({ date: "2026-03-12", view: "week", provider: "c" }, providers, tz);
    expect(chosen.providerParam).toBe("c");
    // An unknown provider in the URL falls back like no provider at all.
    expect(scheduleWindow({ date: "2026-03-12", view: "day", provider: "nope" }, providers, tz).providerParam).toBe(
      null,
    );
  });
});

describe("hoursOn", () => {
  const day = "2026-03-10"; // a Tuesday
  const p = provider("a");

  it("is the weekly hours on a plain day, and Off on a day without any", () => {
    expect(hoursOn(day, p, [])).toEqual({ hours: [{ startMinute: 540, endMinute: 1020 }], note: null });
    expect(hoursOn("2026-03-14", p, [])).toEqual({ hours: [], note: "Off" });
  });

  it("closes the day for a clinic-wide closure, with its reason", () => {
    expect(hoursOn(day, p, [override({ reason: "Holiday" })])).toEqual({ hours: [], note: "Closed: Holiday" });
  });

  it("lets a provider's own override win over the clinic's", () => {
    const own = override({ providerId: "a", kind: "open", startMinute: 600, endMinute: 720, reason: "Cover" });
    expect(hoursOn(day, p, [override({ reason: "Holiday" }), own])).toEqual({
      hours: [{ startMinute: 600, endMinute: 720 }],
      note: "Special hours: Cover",
    });
    // Someone else's override doesn't touch this provider.
    expect(hoursOn(day, p, [override({ providerId: "b" })]).note).toBe(null);
  });

  it("lets closed win over open among overrides at the same level", () => {
    const open = override({ kind: "open", startMinute: 600, endMinute: 720 });
    expect(hoursOn(day, p, [open, override({})])).toEqual({ hours: [], note: "Closed" });
  });
});

describe("buildCalendar", () => {
  const today = "2026-03-10";

  it("gives each active provider a column, and an inactive one only when they have appointments that day", () => {
    const providers = [provider("a"), provider("gone", { active: false }), provider("left", { active: false })];
    const window = scheduleWindow({ date: today, view: "day", provider: null }, providers, tz);
    const calendar = buildCalendar(
      window,
      { providers, appointments: [appointment("x", "gone", "2026-03-10T15:00:00Z")], overrides: [] },
      { today, timeZone: tz },
    );
    expect(calendar.columns.map((c) => [c.key, c.title, c.today])).toEqual([
      ["a", "Dr. a", true],
      ["gone", "Dr. gone (inactive)", true],
    ]);
  });

  it("places appointments in the clinic's minutes and spans whole hours around hours and bookings", () => {
    const providers = [provider("a", { color: "#ff0000" })];
    const window = scheduleWindow({ date: today, view: "day", provider: null }, providers, tz);
    // 7:30 to 8:15 in New York (EDT since March 8): before the 9:00 start of the working day.
    const early = appointment("x", "a", "2026-03-10T11:30:00Z", 45);
    const calendar = buildCalendar(
      window,
      { providers, appointments: [early], overrides: [] },
      { today, timeZone: tz },
    );
    expect(calendar.appointments).toMatchObject([
      { id: "x", columnKey: "a", startMinute: 450, endMinute: 495, color: "#ff0000", patient: { name: "Ana Lopez" } },
    ]);
    expect(calendar.appointments[0]?.timeLabel).toMatch(/^7:30\sAM – 8:15\sAM$/);
    expect([calendar.rangeStart, calendar.rangeEnd]).toEqual([7 * 60, 17 * 60]);
    expect(calendar.hourLabels[0]?.label).toMatch(/^7\sAM$/);
  });

  it("shows eight to six when nothing is scheduled, and one provider's days in a week", () => {
    const providers = [provider("a", { workingHours: [] })];
    const week = scheduleWindow({ date: today, view: "week", provider: null }, providers, tz);
    const calendar = buildCalendar(week, { providers, appointments: [], overrides: [] }, { today, timeZone: tz });
    expect(calendar.columns).toHaveLength(7);
    expect(calendar.columns.every((c) => c.providerId === "a" && c.note === "Off")).toBe(true);
    expect(calendar.columns.find((c) => c.today)?.day).toBe(today);
    expect([calendar.rangeStart, calendar.rangeEnd]).toEqual([8 * 60, 18 * 60]);
  });
});

describe("bookable", () => {
  it("offers only active types that an active provider offers", () => {
    const types = ["type-a", "type-b", "type-c"].map((id) => ({
      id,
      name: id,
      description: null,
      durationMinutes: 30,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      active: id !== "type-c",
      providers: [],
    }));
    const providers = [
      provider("a", { appointmentTypes: [{ appointmentTypeId: "type-a" }, { appointmentTypeId: "type-c" }] }),
      provider("off", { active: false, appointmentTypes: [{ appointmentTypeId: "type-b" }] }),
    ];
    const { types: offered, providers: who } = bookable(providers, types);
    expect(offered.map((t) => t.id)).toEqual(["type-a"]);
    expect(who).toEqual([{ id: "a", name: "Dr. a", typeIds: ["type-a", "type-c"] }]);
  });
});

it("links a day, a view and a provider", () => {
  expect(scheduleHref("2026-03-10", "week", "a")).toBe("/schedule?date=2026-03-10&view=week&provider=a");
  expect(scheduleHref("2026-03-10", "day", null)).toBe("/schedule?date=2026-03-10&view=day");
});
