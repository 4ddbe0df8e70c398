// Nine weeks of calls for the demo clinic, so the dashboard, the calls pages and analytics show
// something on first start: every outcome, transcripts, summaries, costs, both numbers, and the
// appointments the calls booked, moved or cancelled (never overlapping, so the exclusion
// constraint accepts them and open slots stay real). Deterministic: one seeded generator, days
// counted back from the clinic's today, so every run plans the same history relative to it.
// Idempotent: the history is written once, in one transaction, and found afterwards by its
// calls' ids. Quick: a few set-based inserts; the rollup triggers count the calls.
import type { Prisma, RootDb } from "../db";
import type { CallOutcome } from "../generated/prisma/enums";
import { type LocalDate, spokenTime, wallClock, zonedToUtc } from "../time/zoned-time";
import { demoConversation } from "./demo-conversations";

// Nine weeks: "last 30 days" has a whole period before it to compare with.
export const DEMO_HISTORY_DAYS = 63;
const CALL_PREFIX = "demo-call-";
const WEBSITE_LINE = { e164: "+15555550101", label: "Website line" };

/** mulberry32: a small, fast generator whose sequence depends only on its seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
function weighted<T extends string | number>(random: Random, weights: Record<T, number> | [T, number][]) {
  const entries = (Array.isArray(weights) ? weights : Object.entries(weights)) as [T, number][];
  let roll = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (entries[entries.length - 1] as [T, number])[0];
}

/** A UUIDv7 for `ms`: ids sort by when the call happened, as the app's own ids do. */
function uuid7(ms: number, random: Random) {
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join("");
  const time = ms.toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(3)}-${"89ab"[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
}

const addDays = (day: LocalDate, count: number): LocalDate => {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + count));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
const weekdayOf = (day: LocalDate) => new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();

// Calls by the clinic's hour: the morning rush, lunch, the drive home, a few at night (the
// receptionist answers at any hour, which is much of its point).
const WEEKDAY_HOURS: [number, number][] = [
  [6, 0.4],
  [7, 2],
  [8, 8],
  [9, 12],
  [10, 11],
  [11, 9],
  [12, 10],
  [13, 9],
  [14, 7],
  [15, 7],
  [16, 6],
  [17, 5],
  [18, 3],
  [19, 2],
  [20, 1.5],
  [21, 1],
  [22, 0.4],
  [23, 0.2],
];
const WEEKEND_HOURS: [number, number][] = [
  [8, 1],
  [9, 3],
  [10, 4],
  [11, 4],
  [12, 3],
  [13, 3],
  [14, 3],
  [15, 2],
  [16, 2],
  [17, 1],
  [18, 1],
  [19, 1],
  [20, 1],
];
/** Mondays are busiest, Fridays quieter. */
const DAY_FACTOR = [0, 1.3, 1.1, 1, 1, 0.85, 0];

const OPEN_OUTCOMES: Record<CallOutcome, number> = {
  booked: 30,
  information: 20,
  rescheduled: 8,
  cancelled: 6,
  transferred: 11,
  abandoned: 10,
  voicemail: 4,
  failed: 2,
  unknown: 3,
};
// Nobody to transfer to while the office is closed: those callers leave a message instead.
const CLOSED_OUTCOMES: Record<CallOutcome, number> = { ...OPEN_OUTCOMES, transferred: 0, voicemail: 14 };

const SECONDS: Record<CallOutcome, [number, number]> = {
  booked: [140, 330],
  rescheduled: [110, 240],
  cancelled: [60, 150],
  information: [45, 200],
  transferred: [50, 150],
  voicemail: [20, 50],
  abandoned: [3, 18],
  failed: [0, 4],
  unknown: [15, 60],
};

const ENDED_REASON: Record<CallOutcome, string> = {
  booked: "customer-ended-call",
  rescheduled: "customer-ended-call",
  cancelled: "assistant-ended-call",
  information: "customer-ended-call",
  transferred: "assistant-forwarded-call",
  voicemail: "voicemail",
  abandoned: "customer-ended-call",
  failed: "phone-call-provider-closed-websocket",
  unknown: "silence-timed-out",
};

const FIRST = [
  "Emma",
  "Liam",
  "Olivia",
  "Noah",
  "Ava",
  "Mateo",
  "Sophia",
  "Elijah",
  "Mia",
  "Lucas",
  "Amelia",
  "Ethan",
  "Harper",
  "James",
  "Chloe",
  "Daniel",
  "Grace",
  "Samuel",
  "Nora",
  "Owen",
];
const LAST = [
  "Nguyen",
  "Garcia",
  "Smith",
  "Okafor",
  "Kowalski",
  "Johnson",
  "Rossi",
  "Brown",
  "Haddad",
  "Miller",
  "Lopez",
  "Wilson",
  "Chen",
  "Murphy",
  "Silva",
  "Anderson",
  "Kim",
  "Taylor",
  "Dubois",
  "Clark",
];
const PATIENTS = 80;

/** Cost per call like Vapi's: a small connection fee and about 13 cents a minute, split by part. */
function costOf(seconds: number) {
  const total = Math.round((0.01 + (seconds / 60) * 0.13) * 10_000) / 10_000;
  const shares: [string, number][] = [
    ["transport", 0.12],
    ["transcriber", 0.1],
    ["model", 0.28],
    ["voice", 0.3],
  ];
  const parts = shares.map(([type, share]) => ({ type, cost: Math.round(total * share * 10_000) / 10_000 }));
  const vapi = Math.round((total - parts.reduce((sum, p) => sum + p.cost, 0)) * 10_000) / 10_000;
  return { total, breakdown: [...parts, { type: "vapi", cost: vapi }] };
}

export type DemoHistory = { created: boolean; calls: number; appointments: number };

/**
 * Writes the demo clinic's past calls and their appointments, once. `now` decides which days
 * are "the last nine weeks"; the content for those days is always the same.
 */
export async function seedDemoHistory(db: RootDb, clinicId: string, now = new Date()): Promise<DemoHistory> {
  return db.$transaction(
    async (tx) => {
      // Two seeds at once (dev and `npm run seed`) take turns here; the second finds the first's calls.
      await tx.$queryRaw`SELECT id FROM clinics WHERE id = ${clinicId}::uuid FOR UPDATE`;
      const seeded = await tx.call.count({ where: { clinicId, vapiCallId: { startsWith: CALL_PREFIX } } });
      if (seeded > 0) return { created: false, calls: 0, appointments: 0 };

      const [clinic, providers, types, hours, assistant, main] = await Promise.all([
        tx.clinic.findUniqueOrThrow({ where: { id: clinicId }, select: { timezone: true } }),
        tx.provider.findMany({ where: { clinicId }, select: { id: true, name: true } }),
        tx.appointmentType.findMany({ where: { clinicId } }),
        tx.workingHours.findMany({ where: { clinicId } }),
        tx.assistant.findFirst({ where: { clinicId }, orderBy: { createdAt: "asc" } }),
        tx.phoneNumber.findFirst({ where: { clinicId, e164: "+15555550100" } }),
      ]);
      const dentist = providers.find((p) => p.name === "Dr. Maya Patel");
      const hygienist = providers.find((p) => p.name === "Sam Rivera");
      const type = (name: string) => types.find((t) => t.name === name);
      const [cleaning, checkUp, emergency] = [type("Cleaning"), type("Check-up"), type("Emergency visit")];
      // A demo clinic someone has reshaped by hand gets no history rather than a broken one.
      if (!dentist || !hygienist || !cleaning || !checkUp || !emergency || !assistant || !main) {
        return { created: false, calls: 0, appointments: 0 };
      }
      const existingWebsite = await tx.phoneNumber.findUnique({ where: { e164: WEBSITE_LINE.e164 } });
      const website =
        existingWebsite ??
        (await tx.phoneNumber.create({
          data: { clinicId, ...WEBSITE_LINE, source: "managed", status: "active", assistantId: assistant.id },
        }));
      const lines = website.clinicId === clinicId ? [main, website] : [main];

      const timeZone = clinic.timezone;
      const random = generator(0x5eed_d3e0);
      const ids = generator(0x1d5_5eed);
      const clock = wallClock(now, timeZone);
      const today: LocalDate = { year: clock.year, month: clock.month, day: clock.day };

      const patients = Array.from({ length: PATIENTS }, (_, i) => ({
        clinicId,
        firstName: FIRST[i % FIRST.length] as string,
        lastName: LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length] as string,
        phone: `+1413555${String(100 + i).padStart(4, "0")}`,
      }));
      await tx.patient.createMany({ data: patients, skipDuplicates: true });
      const patientIds = new Map(
        (
          await tx.patient.findMany({
            where: { clinicId, phone: { in: patients.map((p) => p.phone) } },
            select: { id: true, phone: true, firstName: true, lastName: true },
          })
        ).map((p) => [p.phone, p]),
      );

      // Where each provider is already taken (live appointments, buffers included), so seeded
      // visits go around them: the exclusion constraint would refuse an overlap.
      const taken = new Map<string, [number, number][]>();
      for (const a of await tx.appointment.findMany({
        where: { clinicId, status: { in: ["booked", "held"] } },
        select: { providerId: true, blockStart: true, blockEnd: true },
      })) {
        taken.set(a.providerId, [...(taken.get(a.providerId) ?? []), [a.blockStart.getTime(), a.blockEnd.getTime()]]);
      }
      const workday = (providerId: string, day: LocalDate) =>
        hours.filter((h) => h.providerId === providerId && h.weekday === weekdayOf(day));

      // Midnight of a day as seen from its noon: exact for every time after the small hours,
      // where daylight saving moves the clocks, and one offset lookup per day instead of per time.
      const dayStarts = new Map<string, number>();
      const dayStart = (date: LocalDate) => {
        const key = `${date.year}-${date.month}-${date.day}`;
        let start = dayStarts.get(key);
        if (start === undefined) {
          start = zonedToUtc(date, 12 * 60, timeZone).getTime() - 12 * 3_600_000;
          dayStarts.set(key, start);
        }
        return start;
      };

      /** The first free start for `kind` with `providerId` from `day` on, trying `minute` first. */
      function findSlot(providerId: string, kind: NonNullable<typeof cleaning>, day: LocalDate, minute: number) {
        const busy = taken.get(providerId) ?? [];
        for (let d = 0; d < 90; d++) {
          const date = addDays(day, d);
          for (const shift of workday(providerId, date)) {
            const last = shift.endMinute - kind.durationMinutes;
            const first = Math.max(shift.startMinute, Math.min(last, Math.round(minute / 30) * 30));
            const starts = [];
            for (let m = first; m <= last; m += 30) starts.push(m);
            for (let m = shift.startMinute; m < first; m += 30) starts.push(m);
            for (const m of starts) {
              const startsAt = new Date(dayStart(date) + m * 60_000);
              const endsAt = new Date(startsAt.getTime() + kind.durationMinutes * 60_000);
              const block: [number, number] = [
                startsAt.getTime() - kind.bufferBeforeMinutes * 60_000,
                endsAt.getTime() + kind.bufferAfterMinutes * 60_000,
              ];
              if (busy.some(([s, e]) => s < block[1] && block[0] < e)) continue;
              busy.push(block);
              taken.set(providerId, busy);
              return { startsAt, endsAt, blockStart: new Date(block[0]), blockEnd: new Date(block[1]) };
            }
          }
        }
        return null;
      }

      const calls: Prisma.CallCreateManyInput[] = [];
      const appointments: Prisma.AppointmentCreateManyInput[] = [];
      const moves: Prisma.AppointmentCreateManyInput[] = [];
      // Past visits happened (or not); the roll is drawn either way, so the time of day the seed
      // runs never shifts what comes after.
      const settled = (endsAt: Date, roll = random()) =>
        endsAt > now ? ("booked" as const) : roll < 0.92 ? ("completed" as const) : ("no_show" as const);

      for (let i = 0; i < DEMO_HISTORY_DAYS; i++) {
        const day = addDays(today, i - DEMO_HISTORY_DAYS);
        const weekday = weekdayOf(day);
        const open = weekday >= 1 && weekday <= 5;
        // Word gets around: a few more calls each week.
        const trend = 0.8 + (0.35 * i) / (DEMO_HISTORY_DAYS - 1);
        const count = Math.round((open ? 17 * (DAY_FACTOR[weekday] ?? 1) : 4) * trend * (0.85 + random() * 0.3));
        const minutes = Array.from(
          { length: count },
          () => weighted(random, open ? WEEKDAY_HOURS : WEEKEND_HOURS) * 60 + between(random, 0, 59),
        ).sort((a, b) => a - b);

        for (const minute of minutes) {
          const startedAt = new Date(dayStart(day) + minute * 60_000 + between(random, 0, 59) * 1000);
          const officeOpen = open && minute >= 8 * 60 && minute < 17 * 60;
          const outcome = weighted(random, officeOpen ? OPEN_OUTCOMES : CLOSED_OUTCOMES);
          const [min, max] = SECONDS[outcome];
          const seconds = between(random, min, max);
          const endedAt = new Date(startedAt.getTime() + seconds * 1000);
          const line = lines[random() < 0.78 ? 0 : 1] ?? main;
          const aboutVisit = outcome === "booked" || outcome === "rescheduled" || outcome === "cancelled";
          const known = aboutVisit || random() < 0.7;
          const patient = known ? patientIds.get(patients[between(random, 0, PATIENTS - 1)]?.phone ?? "") : undefined;
          const fromNumber = patient?.phone ?? `+1413555${between(random, 2000, 9999)}`;
          const id = uuid7(startedAt.getTime(), ids);

          let visit: { type: string; provider: string; spoken: string } | null = null;
          if (aboutVisit && patient) {
            const roll = random();
            const kind = outcome === "booked" && roll >= 0.9 ? emergency : roll < 0.55 ? cleaning : checkUp;
            const provider = kind === cleaning && random() < 0.8 ? hygienist : dentist;
            const soon = kind === emergency ? 1 : between(random, 2, 16);
            const hint = between(random, 8, 15) * 60;
            const base = {
              clinicId,
              providerId: provider.id,
              appointmentTypeId: kind.id,
              patientId: patient.id,
            };
            const slot = findSlot(provider.id, kind, addDays(day, soon), hint);
            if (slot) {
              const bookedAt = new Date(startedAt.getTime() + Math.floor(seconds * 0.8) * 1000);
              visit = { type: kind.name, provider: provider.name, spoken: spokenTime(slot.startsAt, timeZone) };
              if (outcome === "booked") {
                appointments.push({
                  ...base,
                  ...slot,
                  id: uuid7(bookedAt.getTime(), ids),
                  status: settled(slot.endsAt),
                  source: "agent",
                  callId: id,
                  createdAt: bookedAt,
                });
              } else {
                // The visit the caller had made earlier at the desk, now cancelled or moved.
                const madeAt = new Date(startedAt.getTime() - between(random, 5, 25) * 86_400_000);
                const oldId = uuid7(madeAt.getTime(), ids);
                const releases = (taken.get(provider.id) ?? []).filter(([s]) => s !== slot.blockStart.getTime());
                const old = {
                  ...base,
                  ...slot,
                  id: oldId,
                  status: "cancelled" as const,
                  source: "dashboard" as const,
                  createdAt: madeAt,
                  cancelledAt: bookedAt,
                  cancelReason: outcome === "rescheduled" ? "rescheduled" : "cancelled by the patient on a call",
                };
                taken.set(provider.id, releases); // a cancelled visit holds no time
                appointments.push(old);
                if (outcome === "rescheduled") {
                  const later = findSlot(provider.id, kind, addDays(day, soon + between(random, 3, 12)), hint);
                  if (later) {
                    visit = { ...visit, spoken: spokenTime(later.startsAt, timeZone) };
                    moves.push({
                      ...base,
                      ...later,
                      id: uuid7(bookedAt.getTime(), ids),
                      status: settled(later.endsAt),
                      source: "agent",
                      callId: id,
                      rescheduledFromId: oldId,
                      createdAt: bookedAt,
                    });
                  }
                } else {
                  visit = { ...visit, spoken: spokenTime(slot.startsAt, timeZone) };
                }
              }
            }
          }
          // A visit that found no time (never, with weeks of room) is a question instead.
          const said = aboutVisit && !visit ? "information" : outcome;
          const conversation = demoConversation({
            outcome: said,
            seconds,
            firstName: patient?.firstName ?? null,
            fullName: patient ? `${patient.firstName} ${patient.lastName}` : null,
            visit,
            pick: random(),
          });
          const cost = costOf(seconds);
          const asked =
            said === "booked" ||
            said === "rescheduled" ||
            (["information", "transferred", "abandoned"].includes(said) && random() < 0.2);
          calls.push({
            id,
            clinicId,
            vapiCallId: `${CALL_PREFIX}${String(calls.length + 1).padStart(4, "0")}`,
            assistantId: assistant.id,
            phoneNumberId: line.id,
            patientId: patient?.id ?? null,
            direction: "inbound",
            status: "ended",
            fromNumber,
            toNumber: line.e164,
            startedAt,
            endedAt,
            durationSeconds: seconds,
            endedReason: ENDED_REASON[said],
            transcript: conversation.transcript || null,
            messages: conversation.messages,
            summary: conversation.summary,
            structuredData: conversation.structuredData ?? undefined,
            successEvaluation: conversation.successEvaluation,
            costUsd: cost.total.toFixed(4),
            costBreakdown: cost.breakdown,
            outcome: said,
            transferredAt: said === "transferred" ? new Date(endedAt.getTime() - 2000) : null,
            askedToBook: asked,
            // Reported: the reconciler never asks Vapi about these.
            reportedAt: new Date(endedAt.getTime() + 4000),
            createdAt: startedAt,
          });
        }
      }

      // One statement per table with the rows as one JSON parameter: a createMany of this size
      // spent seconds binding parameters. Moved visits point at the ones they replaced, which
      // come first (foreign keys are checked at the end of the statement anyway).
      const updatedAt = now.toISOString();
      await tx.$executeRaw`INSERT INTO calls
        SELECT * FROM json_populate_recordset(NULL::calls, ${JSON.stringify(calls.map((c) => ({ ...c, updatedAt })))}::json)`;
      await tx.$executeRaw`INSERT INTO appointments
        SELECT * FROM json_populate_recordset(NULL::appointments, ${JSON.stringify([...appointments, ...moves].map((a) => ({ ...a, updatedAt })))}::json)`;
      return { created: true, calls: calls.length, appointments: appointments.length + moves.length };
    },
    { timeout: 60_000 },
  );
}
