// Scheduling under load, on real PostgreSQL through the real procedures:
//  1. 200 concurrent attempts to book one slot: exactly one booking, every other attempt a
//     typed CONFLICT, no other error; latencies next to an uncontended booking (baseline).
//  2. Availability over 8 weeks for a provider with 10,000 appointments in the range, next
//     to the same query for a provider with none (baseline). Target p99 < 50 ms.
// Usage: npm run bench:scheduling   (DATABASE_URL's server, or a throwaway embedded one)
import { appRouter, createCallerFactory } from "@frontdesk/api";
import { createMailer, signUp, verifyEmail } from "@frontdesk/core";
import { findOpenSlots } from "@frontdesk/core/appointments";
import { createKeyring } from "@frontdesk/core/crypto";
import { createRootDb } from "@frontdesk/core/db";
import { createTenantClients } from "@frontdesk/core/tenancy";
import { latencyRow, percentile, timed, withBenchDatabase } from "./lib";

const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 200);
const BUSY_APPOINTMENTS = 10_000;
const AVAILABILITY_RUNS = Number(process.env.BENCH_AVAILABILITY_RUNS ?? 200);

await withBenchDatabase(async (url) => {
  const rootDb = createRootDb(url, { max: 10 });
  const emails: string[] = [];
  const tenants = createTenantClients(url, { max: 10 });
  const services = {
    rootDb,
    tenants,
    mailer: createMailer(undefined, (line) => emails.push(line)),
    appUrl: "http://bench.test",
    trustedProxyHops: 1,
    keyring: createKeyring("k1", "be".repeat(32)),
    // Scheduling only: no Vapi or Twilio; nothing here places calls.
    telephony: { appUrl: "http://bench.test", hit: async () => ({ allowed: true, retryAfterSeconds: 0 }) },
  };
  const { userId } = await signUp(
    rootDb,
    {
      name: "Bench",
      email: "bench@bench.test",
      password: "bench bench bench",
      clinicName: "Bench Clinic",
      timezone: "UTC",
    },
    services,
    { ip: null },
  );
  const token = emails.join("\n").match(/verify-email\?token=([\w-]+)/)?.[1] ?? "";
  const { clinicId } = await verifyEmail(rootDb, { actor: { type: "user", userId }, ip: null }, { token });
  if (!clinicId) throw new Error("the bench clinic was not created");
  await rootDb.clinic.update({ where: { id: clinicId }, data: { minNoticeMinutes: 0, bookingHorizonDays: 3650 } });
  const caller = createCallerFactory(appRouter)({
    ...services,
    actor: { type: "user", userId },
    requestedClinicId: clinicId,
    ip: null,
  });

  const provider = async (name: string) => {
    const p = await rootDb.provider.create({ data: { clinicId, name } });
    await rootDb.workingHours.createMany({
      data: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        clinicId,
        providerId: p.id,
        weekday,
        startMinute: 0,
        endMinute: 1440,
      })),
    });
    return p.id;
  };
  const [quiet, busy] = [await provider("Dr. Quiet"), await provider("Dr. Busy")];
  const type = await rootDb.appointmentType.create({ data: { clinicId, name: "Visit", durationMinutes: 30 } });
  const short = await rootDb.appointmentType.create({ data: { clinicId, name: "Quick", durationMinutes: 5 } });
  await rootDb.providerAppointmentType.createMany({
    data: [quiet, busy].flatMap((providerId) =>
      [type.id, short.id].map((appointmentTypeId) => ({ clinicId, providerId, appointmentTypeId })),
    ),
  });
  const patient = await rootDb.patient.create({
    data: { clinicId, firstName: "Bench", lastName: "Patient", phone: "+14155550100" },
  });

  // ── 1. the race ──
  const day = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 5));
  const baseline: number[] = [];
  for (let i = 0; i < 30; i++) {
    const startsAt = new Date(day.getTime() + i * 3_600_000);
    await timed(
      () =>
        caller.appointments.book({ appointmentTypeId: type.id, providerId: quiet, startsAt, patientId: patient.id }),
      baseline,
    );
  }
  const slot = new Date(day.getTime() + 2 * 86_400_000 + 10 * 3_600_000);
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  const outcomes = await Promise.all(
    Array.from({ length: CONCURRENT }, () =>
      timed(
        () =>
          caller.appointments
            .book({ appointmentTypeId: type.id, providerId: quiet, startsAt: slot, patientId: patient.id })
            .then(
              () => "booked",
              (error: { code?: string; message?: string }) =>
                error.code === "CONFLICT" ? "conflict" : `error:${error.code}: ${error.message?.slice(0, 120)}`,
            ),
        latencies,
      ),
    ),
  );
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const count = (what: string) => outcomes.filter((o) => o === what).length;
  const errors = outcomes.length - count("booked") - count("conflict");
  const live = await rootDb.appointment.count({ where: { providerId: quiet, startsAt: slot, status: "booked" } });
  console.log(`\n${CONCURRENT} concurrent attempts at one slot (wall ${wall.toFixed(0)} ms)`);
  console.log(
    `  booked ${count("booked")}, conflicts ${count("conflict")}, errors ${errors}, bookings in the database ${live}`,
  );
  console.log(latencyRow("uncontended booking", baseline));
  console.log(latencyRow("contended attempt", latencies));
  console.log(
    `  p99 contended / p50 uncontended: ${(percentile(latencies, 0.99) / percentile(baseline, 0.5)).toFixed(1)}×`,
  );
  for (const error of new Set(outcomes.filter((o) => o.startsWith("error:")))) console.log(`  ${error}`);
  if (count("booked") !== 1 || errors !== 0 || live !== 1) throw new Error("the race produced a wrong outcome");

  // ── 2. availability with 10,000 appointments in range ──
  const from = new Date(Date.UTC(new Date().getUTCFullYear() + 2, 0, 1));
  // Five-minute visits every six minutes: about six weeks fully booked (every candidate slot
  // is checked and refused), then two free weeks where the open slots are.
  const gapMs = 6 * 60_000;
  const rows = Array.from({ length: BUSY_APPOINTMENTS }, (_, i) => {
    const startsAt = new Date(from.getTime() + i * gapMs);
    const endsAt = new Date(startsAt.getTime() + 5 * 60_000);
    return {
      clinicId,
      providerId: busy,
      appointmentTypeId: short.id,
      patientId: patient.id,
      status: "booked" as const,
      startsAt,
      endsAt,
      blockStart: startsAt,
      blockEnd: endsAt,
      source: "api" as const,
    };
  });
  for (let i = 0; i < rows.length; i += 2_000) await rootDb.appointment.createMany({ data: rows.slice(i, i + 2_000) });
  await rootDb.$executeRaw`ANALYZE appointments`;
  const range = {
    from: from.toISOString().slice(0, 10),
    to: new Date(from.getTime() + 55 * 86_400_000).toISOString().slice(0, 10),
  };
  const db = tenants.forTenant(clinicId);
  const query = (providerId: string) => () =>
    findOpenSlots(db, { appointmentTypeId: type.id, providerId, ...range, limit: 1000 });
  for (let i = 0; i < 10; i++) await Promise.all([query(quiet)(), query(busy)()]); // warm up
  const empty: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < AVAILABILITY_RUNS; i++) {
    await timed(query(quiet), empty);
    await timed(query(busy), full);
  }
  const busyAnswer = await query(busy)();
  console.log(`\navailability over 8 weeks (${AVAILABILITY_RUNS} runs each)`);
  console.log(latencyRow("provider, 0 appts", empty));
  console.log(latencyRow(`provider, ${BUSY_APPOINTMENTS} appts`, full));
  console.log(
    `  p99 busy: ${percentile(full, 0.99).toFixed(1)} ms (target < 50 ms); busy/empty at p50: ${(percentile(full, 0.5) / percentile(empty, 0.5)).toFixed(2)}×; ${busyAnswer.slots.length} open slots found`,
  );

  await tenants.close();
  await rootDb.$disconnect();
});
