// Call analytics on real PostgreSQL: days are the clinic's days, every number is the clinic's
// own, and the previous period is the same length just before.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { fillSchedule, useTenantClinic } from "../../../../test/fixtures";
import type { CallOutcome } from "../db";
import { getCallAnalytics } from "./get-call-analytics";

describe("getCallAnalytics", () => {
  const t = useTestDatabase();
  const clinic = useTenantClinic(t);
  const other = useTenantClinic(t);
  const dst = useTenantClinic(t);

  async function call(
    clinicId: string,
    startedAt: string,
    outcome: CallOutcome | null,
    extra: { seconds?: number; cost?: string; asked?: boolean; assistantId?: string; phoneNumberId?: string } = {},
  ) {
    return t.db.call.create({
      data: {
        clinicId,
        vapiCallId: `call-${randomUUID()}`,
        status: "ended",
        startedAt: new Date(startedAt),
        outcome,
        durationSeconds: extra.seconds ?? 60,
        costUsd: extra.cost ?? "0.1000",
        askedToBook: extra.asked ?? false,
        assistantId: extra.assistantId,
        phoneNumberId: extra.phoneNumberId,
      },
    });
  }

  it("counts by the clinic's day and hour, with conversion, talk time, cost and the period before", async () => {
    const schedule = await fillSchedule(t.db, clinic.clinicId); // a New York clinic
    const patient = await t.db.patient.create({
      data: { clinicId: clinic.clinicId, firstName: "Ada", lastName: "Caller", phone: "+12025550123" },
    });
    const desk = await t.db.assistant.create({
      data: { clinicId: clinic.clinicId, name: "Front desk", systemPrompt: "p", firstMessage: "hi" },
    });
    const main = await t.db.phoneNumber.create({
      data: { clinicId: clinic.clinicId, e164: "+12025550199", source: "byo", label: "Main line" },
    });
    const on = { assistantId: desk.id, phoneNumberId: main.id };

    // Monday 2026-11-16, New York (UTC-5). 23:30 local is already Tuesday in UTC.
    const booked = await call(clinic.clinicId, "2026-11-16T14:05:00Z", "booked", {
      ...on,
      seconds: 240,
      cost: "0.4000",
      asked: true,
    });
    await call(clinic.clinicId, "2026-11-17T04:30:00Z", "information", { ...on, seconds: 120, asked: true });
    await call(clinic.clinicId, "2026-11-17T15:00:00Z", "abandoned", { seconds: 5, cost: "0.0100" });
    await call(clinic.clinicId, "2026-11-18T16:10:00Z", "transferred", { ...on, seconds: 90, cost: "0.2000" });
    // The week before: one call. Another clinic: never counted.
    await call(clinic.clinicId, "2026-11-10T15:00:00Z", "booked", { asked: true, cost: "0.3000" });
    await call(other.clinicId, "2026-11-16T15:00:00Z", "booked", { asked: true });
    // The booking the receptionist made on the booked call (and one from the dashboard, not counted).
    const base = {
      clinicId: clinic.clinicId,
      providerId: schedule.providerId,
      appointmentTypeId: schedule.typeId,
      patientId: patient.id,
      status: "booked" as const,
    };
    const slot = (hour: number) => {
      const startsAt = new Date(`2026-12-01T${hour}:00:00Z`);
      const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
      return { startsAt, endsAt, blockStart: startsAt, blockEnd: endsAt };
    };
    await t.db.appointment.create({
      data: { ...base, ...slot(15), source: "agent", callId: booked.id, createdAt: new Date("2026-11-16T14:09:00Z") },
    });
    await t.db.appointment.create({
      data: { ...base, ...slot(16), source: "dashboard", createdAt: new Date("2026-11-16T18:00:00Z") },
    });

    const week = await getCallAnalytics(clinic.db, { from: "2026-11-16", to: "2026-11-22" });
    expect(week.range).toEqual({ from: "2026-11-16", to: "2026-11-22", timezone: "America/New_York" });
    expect(week.previousRange).toEqual({ from: "2026-11-09", to: "2026-11-15" });
    expect(week.totals).toEqual({
      calls: 4,
      answered: 2,
      missed: 1,
      transferred: 1,
      askedToBook: 2,
      booked: 1,
      bookings: 1,
      conversion: 0.5,
      talkSeconds: 455,
      averageTalkSeconds: 450 / 3,
      costUsd: 0.71,
      costPerCallUsd: 0.71 / 4,
      costPerBookingUsd: 0.71,
    });
    expect(week.previous).toMatchObject({ calls: 1, booked: 1, askedToBook: 1, costUsd: 0.3, bookings: 0 });
    expect(week.perDay.slice(0, 4)).toEqual([
      { day: "2026-11-16", answered: 2, missed: 0, transferred: 0, bookings: 1 },
      { day: "2026-11-17", answered: 0, missed: 1, transferred: 0, bookings: 0 },
      { day: "2026-11-18", answered: 0, missed: 0, transferred: 1, bookings: 0 },
      { day: "2026-11-19", answered: 0, missed: 0, transferred: 0, bookings: 0 },
    ]);
    expect(week.perDay).toHaveLength(7);
    expect(week.busiestHours).toEqual(
      expect.arrayContaining([
        { weekday: 1, hour: 9, calls: 1 },
        { weekday: 1, hour: 23, calls: 1 },
        { weekday: 2, hour: 10, calls: 1 },
        { weekday: 3, hour: 11, calls: 1 },
      ]),
    );
    expect(week.busiestHours).toHaveLength(4);
    expect(week.outcomes).toEqual(
      expect.arrayContaining([
        { outcome: "booked", calls: 1 },
        { outcome: "information", calls: 1 },
        { outcome: "abandoned", calls: 1 },
        { outcome: "transferred", calls: 1 },
      ]),
    );
    expect(week.byAssistant).toEqual([
      { assistantId: desk.id, name: "Front desk", calls: 3, booked: 1, talkSeconds: 450, costUsd: 0.7 },
      { assistantId: null, name: "No assistant", calls: 1, booked: 0, talkSeconds: 5, costUsd: 0.01 },
    ]);
    expect(week.byNumber[0]).toEqual({
      phoneNumberId: main.id,
      e164: "+12025550199",
      label: "Main line",
      calls: 3,
      booked: 1,
    });

    const onMain = await getCallAnalytics(clinic.db, { from: "2026-11-16", to: "2026-11-22", phoneNumberId: main.id });
    expect(onMain.totals).toMatchObject({ calls: 3, missed: 0, bookings: 1 });
    const elsewhere = await getCallAnalytics(clinic.db, {
      from: "2026-11-16",
      to: "2026-11-22",
      assistantId: randomUUID(),
    });
    expect(elsewhere.totals).toMatchObject({ calls: 0, bookings: 0, conversion: null, costPerCallUsd: null });
  });

  it("keeps its rollup right as calls change, arrive late, go away, and the clinic changes zone", async () => {
    const range = { from: "2026-11-23", to: "2026-11-23" };
    const ringing = await t.db.call.create({
      data: {
        clinicId: other.clinicId,
        vapiCallId: `call-${randomUUID()}`,
        status: "ringing",
        createdAt: new Date("2026-11-23T23:50:00Z"),
      },
    });
    const totals = async () => (await getCallAnalytics(other.db, range)).totals;
    // Ringing is not yet a call in the figures (it is on the live dashboard).
    expect(await totals()).toMatchObject({ calls: 0, answered: 0, booked: 0, talkSeconds: 0 });

    // Its report arrives (out of order, as Vapi sends them): it started at noon, and booked.
    await t.db.call.update({
      where: { id: ringing.id },
      data: { startedAt: new Date("2026-11-23T12:00:00Z"), outcome: "booked", durationSeconds: 200, askedToBook: true },
    });
    await t.db.call.update({ where: { id: ringing.id }, data: { status: "ended", transcript: "..." } });
    expect(await totals()).toMatchObject({ calls: 1, booked: 1, askedToBook: 1, conversion: 1, talkSeconds: 200 });
    expect((await getCallAnalytics(other.db, range)).busiestHours).toEqual([{ weekday: 1, hour: 12, calls: 1 }]);

    // The clinic moves from UTC to Tokyo: the same call is now at 21:00 on the same day.
    await t.db.clinic.update({ where: { id: other.clinicId }, data: { timezone: "Asia/Tokyo" } });
    expect((await getCallAnalytics(other.db, range)).busiestHours).toEqual([{ weekday: 1, hour: 21, calls: 1 }]);

    await t.db.call.delete({ where: { id: ringing.id } });
    expect(await totals()).toMatchObject({ calls: 0, booked: 0, talkSeconds: 0, costUsd: 0 });
  });

  it("counts a daylight-saving day as one clinic day, whatever its length, by its own wall clock", async () => {
    // New York: clocks jump 02:00 EST -> 03:00 EDT on Sunday 2026-03-08 (a 23-hour day) and fall
    // back 02:00 EDT -> 01:00 EST on Sunday 2026-11-01 (a 25-hour day). A fixed offset on either
    // side would put the calls marked * on the wrong day.
    const schedule = await fillSchedule(t.db, dst.clinicId);
    const patient = await t.db.patient.create({
      data: { clinicId: dst.clinicId, firstName: "Dee", lastName: "Ess", phone: "+12025550177" },
    });
    const spring = [
      "2026-03-08T04:59:00Z", // 23:59 EST on Saturday the 7th
      "2026-03-08T05:30:00Z", // 00:30 EST on the 8th
      "2026-03-08T07:30:00Z", // 03:30 EDT on the 8th, just after the jump
      "2026-03-09T03:30:00Z", // 23:30 EDT on the 8th *
      "2026-03-09T04:30:00Z", // 00:30 EDT on Monday the 9th *
    ];
    const autumn = [
      "2026-11-01T03:30:00Z", // 23:30 EDT on Saturday, October 31 *
      "2026-11-01T05:30:00Z", // 01:30 EDT on the 1st
      "2026-11-01T06:30:00Z", // 01:30 EST on the 1st: the same wall-clock hour again
      "2026-11-02T04:30:00Z", // 23:30 EST on the 1st *
    ];
    for (const at of [...spring, ...autumn])
      await call(dst.clinicId, at, "information", { seconds: 60, cost: "0.1000" });
    // Bookings count on the clinic day they were made: 23:50 EDT on the 8th, and 00:10 EDT on the 9th.
    const booking = async (createdAt: string, hour: number) => {
      const startsAt = new Date(`2026-03-20T${hour}:00:00Z`);
      const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
      await t.db.appointment.create({
        data: {
          clinicId: dst.clinicId,
          providerId: schedule.providerId,
          appointmentTypeId: schedule.typeId,
          patientId: patient.id,
          status: "booked",
          source: "agent",
          startsAt,
          endsAt,
          blockStart: startsAt,
          blockEnd: endsAt,
          createdAt: new Date(createdAt),
        },
      });
    };
    await booking("2026-03-09T03:50:00Z", 14);
    await booking("2026-03-09T04:10:00Z", 15);

    const springDay = await getCallAnalytics(dst.db, { from: "2026-03-08", to: "2026-03-08" });
    expect(springDay.previousRange).toEqual({ from: "2026-03-07", to: "2026-03-07" });
    expect(springDay.totals).toMatchObject({ calls: 3, answered: 3, bookings: 1, talkSeconds: 180, costUsd: 0.3 });
    expect(springDay.previous).toMatchObject({ calls: 1, bookings: 0 });
    expect(springDay.perDay).toEqual([{ day: "2026-03-08", answered: 3, missed: 0, transferred: 0, bookings: 1 }]);
    expect(springDay.busiestHours).toEqual(
      expect.arrayContaining([
        { weekday: 0, hour: 0, calls: 1 },
        { weekday: 0, hour: 3, calls: 1 },
        { weekday: 0, hour: 23, calls: 1 },
      ]),
    );
    expect(springDay.busiestHours).toHaveLength(3);
    const monday = await getCallAnalytics(dst.db, { from: "2026-03-09", to: "2026-03-09" });
    expect(monday.totals).toMatchObject({ calls: 1, bookings: 1 });
    expect(monday.busiestHours).toEqual([{ weekday: 1, hour: 0, calls: 1 }]);

    const autumnDays = await getCallAnalytics(dst.db, { from: "2026-10-31", to: "2026-11-02" });
    expect(autumnDays.perDay.map((d) => [d.day, d.answered])).toEqual([
      ["2026-10-31", 1],
      ["2026-11-01", 3],
      ["2026-11-02", 0],
    ]);
    const fallBack = await getCallAnalytics(dst.db, { from: "2026-11-01", to: "2026-11-01" });
    expect(fallBack.totals).toMatchObject({ calls: 3, talkSeconds: 180 });
    // Both 01:30s are the 1 AM hour of that Sunday.
    expect(fallBack.busiestHours).toEqual(
      expect.arrayContaining([
        { weekday: 0, hour: 1, calls: 2 },
        { weekday: 0, hour: 23, calls: 1 },
      ]),
    );
    expect(fallBack.busiestHours).toHaveLength(2);
    expect(fallBack.previous).toMatchObject({ calls: 1 });
  });
});
