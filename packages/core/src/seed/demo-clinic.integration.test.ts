import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { verifyPassword } from "../auth/password";
import type { RootDb } from "../db";
import { demoLogin, seedDemoClinic } from "./demo-clinic";
import { DEMO_HISTORY_DAYS } from "./demo-history";

// A Monday afternoon in New York; the history is the 63 clinic days before it.
const NOW = new Date("2026-03-16T18:30:00Z");

/** Everything the seed writes, as comparable rows. */
async function contents(db: RootDb) {
  const [calls, appointments, patients, stats] = await Promise.all([
    db.call.findMany({
      orderBy: { vapiCallId: "asc" },
      select: {
        id: true,
        vapiCallId: true,
        startedAt: true,
        durationSeconds: true,
        outcome: true,
        costUsd: true,
        summary: true,
        messages: true,
        fromNumber: true,
        toNumber: true,
        askedToBook: true,
      },
    }),
    db.appointment.findMany({
      orderBy: { id: "asc" },
      select: { id: true, startsAt: true, status: true, source: true, callId: true, rescheduledFromId: true },
    }),
    db.patient.findMany({ orderBy: { phone: "asc" }, select: { firstName: true, lastName: true, phone: true } }),
    db.$queryRaw<{ calls: bigint }[]>`SELECT coalesce(sum(calls), 0)::bigint AS calls FROM call_stats`,
  ]);
  return {
    calls: calls.map((c) => ({ ...c, costUsd: c.costUsd?.toString() })),
    appointments,
    patients,
    rolledUp: Number(stats[0]?.calls),
  };
}

describe("demo clinic seed", () => {
  const t = useTestDatabase();
  const twin = useTestDatabase();

  it("creates a usable clinic once and finds it afterwards", async () => {
    const first = await seedDemoClinic(t.db, NOW);
    const second = await seedDemoClinic(t.db, NOW);
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, clinicId: first.clinicId });

    const clinic = await t.db.clinic.findUniqueOrThrow({
      where: { id: first.clinicId },
      include: {
        memberships: { include: { user: true } },
        providers: { include: { workingHours: true, appointmentTypes: true } },
        appointmentTypes: true,
        assistants: true,
        phoneNumbers: { orderBy: { e164: "asc" } },
      },
    });
    expect(clinic.timezone).toBe("America/New_York");
    expect(clinic.memberships).toHaveLength(1);
    expect(clinic.memberships[0]?.role).toBe("owner");
    expect(await verifyPassword(demoLogin.password, clinic.memberships[0]?.user.passwordHash ?? "")).toBe(true);
    expect(clinic.providers).toHaveLength(2);
    for (const provider of clinic.providers) {
      expect(provider.workingHours.map((h) => h.weekday).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(provider.appointmentTypes).toHaveLength(clinic.appointmentTypes.length);
    }
    expect(clinic.assistants).toHaveLength(1);
    expect(clinic.phoneNumbers).toEqual([
      expect.objectContaining({ e164: "+15555550100", label: "Main line", assistantId: clinic.assistants[0]?.id }),
      expect.objectContaining({ e164: "+15555550101", label: "Website line", assistantId: clinic.assistants[0]?.id }),
    ]);
    expect(await t.db.clinic.count()).toBe(1);
  });

  it("gives the demo clinic nine weeks of calls, every outcome, and the visits they booked", async () => {
    const { calls, appointments, rolledUp } = await contents(t.db);
    expect(calls.length).toBeGreaterThan(300);
    expect(rolledUp).toBe(calls.length); // the rollup triggers counted every seeded call
    expect(new Set(calls.map((c) => c.outcome))).toEqual(
      new Set([
        "booked",
        "rescheduled",
        "cancelled",
        "information",
        "transferred",
        "voicemail",
        "abandoned",
        "failed",
        "unknown",
      ]),
    );
    const firstDay = new Date(NOW.getTime() - (DEMO_HISTORY_DAYS + 1) * 86_400_000);
    for (const call of calls) {
      expect(call.startedAt?.getTime()).toBeGreaterThan(firstDay.getTime());
      expect(call.startedAt?.getTime()).toBeLessThan(NOW.getTime());
    }
    // Talked-through calls have a transcript and a summary; missed ones may not.
    const booked = calls.filter((c) => c.outcome === "booked");
    for (const call of booked) {
      expect(call.summary).toMatch(/called to book a .+ and was booked with/);
      expect(JSON.stringify(call.messages)).toContain("bookAppointment");
      expect(call.askedToBook).toBe(true);
    }
    // Every booked call made exactly one visit, every move points at the visit it replaced.
    const byCall = new Map<string, number>();
    for (const a of appointments) if (a.callId) byCall.set(a.callId, (byCall.get(a.callId) ?? 0) + 1);
    for (const call of booked) expect(byCall.get(call.id)).toBe(1);
    const moved = appointments.filter((a) => a.rescheduledFromId);
    expect(moved.length).toBe(calls.filter((c) => c.outcome === "rescheduled").length);
    for (const a of moved) {
      expect(appointments.find((old) => old.id === a.rescheduledFromId)).toMatchObject({ status: "cancelled" });
    }
    // Visits still to come are booked, past ones happened (or were missed); none overlap.
    for (const a of appointments.filter((a) => a.status !== "cancelled")) {
      expect(a.status).toEqual(a.startsAt > NOW ? "booked" : expect.stringMatching(/^(completed|no_show)$/));
    }
    const overlaps = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM appointments a JOIN appointments b
        ON a."providerId" = b."providerId" AND a.id < b.id
       AND tstzrange(a."blockStart", a."blockEnd") && tstzrange(b."blockStart", b."blockEnd")
      WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'`;
    expect(Number(overlaps[0]?.n)).toBe(0);
  });

  it("adds nothing when run again, even days later", async () => {
    const before = await contents(t.db);
    const later = await seedDemoClinic(t.db, new Date(NOW.getTime() + 3 * 86_400_000));
    expect(later.history).toEqual({ created: false, calls: 0, appointments: 0 });
    expect(await contents(t.db)).toEqual(before);
    expect(await t.db.phoneNumber.count()).toBe(2);
  });

  it("writes the same history into another database at the same moment, in under 10 s", async () => {
    // Timed here rather than on the first run, which also pays this process's first queries.
    const started = performance.now();
    await seedDemoClinic(twin.db, NOW);
    const took = performance.now() - started;
    console.info(`seedDemoClinic on an empty database: ${Math.round(took)} ms`);
    expect(took).toBeLessThan(10_000);
    expect(await contents(twin.db)).toEqual(await contents(t.db));
  });
});
