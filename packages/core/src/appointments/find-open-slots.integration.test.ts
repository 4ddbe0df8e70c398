// Open slots on real PostgreSQL, for a clinic in New York; "now" is passed explicitly.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { newYorkTime as local, useSchedulingClinic } from "../../../../test/fixtures";
import { findOpenSlots } from "./find-open-slots";

const MONDAY = "2031-03-03"; // a Monday; the clock below is that morning, 07:00 EST
const NOW = new Date("2031-03-03T12:00:00Z");

describe("open slots", () => {
  const t = useTestDatabase();
  const clinic = useSchedulingClinic(t);
  const open = (date: string, now = NOW, provider = clinic.providerId) => clinic.openStarts(date, now, provider);

  it("offers every 15 minutes within working hours, in the clinic's zone, with words to say", async () => {
    const slots = await open("2031-03-04");
    expect(slots).toHaveLength(31); // 09:00 … 16:30
    expect(slots[0]).toBe(local("2031-03-04", "09:00").toISOString());
    expect(slots.at(-1)).toBe(local("2031-03-04", "16:30").toISOString());
    const first = (
      await findOpenSlots(clinic.db, { appointmentTypeId: clinic.typeId, from: "2031-03-04", to: "2031-03-04" }, NOW)
    ).slots[0];
    expect(first?.spoken).toBe("Tuesday, March 4 at 9:00 AM with Dr. Alpha");
    expect(await open("2031-03-08")).toEqual([]); // Saturday
  });

  it("keeps 9:00 at 9:00 local across the daylight-saving change", async () => {
    expect((await open("2031-03-07"))[0]).toBe("2031-03-07T14:00:00.000Z"); // Friday, EST
    expect((await open("2031-03-10"))[0]).toBe("2031-03-10T13:00:00.000Z"); // Monday, EDT
    expect(await open("2031-03-10")).toHaveLength(31);
  });

  it("respects minimum notice and the booking horizon", async () => {
    // 08:30 local with 2 hours' notice: the first bookable start is 10:30.
    expect((await open(MONDAY, local(MONDAY, "08:30")))[0]).toBe(local(MONDAY, "10:30").toISOString());
    await t.db.clinic.update({ where: { id: clinic.clinicId }, data: { bookingHorizonDays: 60 } });
    try {
      expect(await open("2031-05-01")).toHaveLength(31); // Thursday, 59 days out
      expect(await open("2031-06-02")).toEqual([]); // Monday, 91 days out
    } finally {
      await t.db.clinic.update({ where: { id: clinic.clinicId }, data: { bookingHorizonDays: 3650 } });
    }
  });

  it("applies date overrides: a holiday closes, extra hours replace the week's", async () => {
    await t.db.scheduleOverride.create({
      data: { clinicId: clinic.clinicId, date: new Date("2031-03-12"), kind: "closed", reason: "Holiday" },
    });
    await t.db.scheduleOverride.create({
      data: {
        clinicId: clinic.clinicId,
        providerId: clinic.providerId,
        date: new Date("2031-03-15"),
        kind: "open",
        startMinute: 600,
        endMinute: 660,
      },
    });
    expect(await open("2031-03-12")).toEqual([]);
    expect(await open("2031-03-12", NOW, clinic.secondProviderId)).toEqual([]); // clinic-wide
    expect(await open("2031-03-15")).toEqual(
      ["10:00", "10:15", "10:30"].map((t) => local("2031-03-15", t).toISOString()),
    );
  });
});
