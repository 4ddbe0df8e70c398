// The analytics page's queries on a year of calls: 100,000 calls (and 15,000 bookings made on
// them) for one clinic, beside another clinic as large, through the tenant client the
// procedure uses. Target: p99 < 200 ms for a year, with the previous year for comparison.
// Baseline, in the same run: loading the same year's rows into JavaScript and counting there.
// Usage: npm run bench:analytics   (DATABASE_URL's server, or a throwaway embedded one)
import { getCallAnalytics } from "@frontdesk/core/analytics";
import { createRootDb } from "@frontdesk/core/db";
import { createTenantClients } from "@frontdesk/core/tenancy";
import { latencyRow, percentile, timed, withBenchDatabase } from "./lib";

const CALLS = Number(process.env.BENCH_CALLS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const OUTCOMES = ["booked", "information", "information", "abandoned", "transferred", "voicemail", "rescheduled"];

await withBenchDatabase(async (url) => {
  const rootDb = createRootDb(url, { max: 4 });
  const tenants = createTenantClients(url, { max: 10 });
  const clinics: string[] = [];
  for (const name of ["Bench", "Neighbour"]) {
    const clinic = await rootDb.clinic.create({
      data: { name, slug: `${name.toLowerCase()}-${process.pid}`, timezone: "America/New_York" },
    });
    clinics.push(clinic.id);
    // Set-based, in the database: a year of calls, spread over the clinic's open hours.
    await rootDb.$executeRawUnsafe(
      `INSERT INTO calls (id, "clinicId", "vapiCallId", status, "startedAt", "endedAt", "durationSeconds",
                          outcome, "costUsd", "askedToBook", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, $1 || '-' || i, 'ended', at, at + make_interval(secs => secs), secs,
              ($2::text[])[1 + i % 7]::"CallOutcome", (secs * 0.0015)::numeric(10,4), i % 7 IN (0, 1, 6), now()
       FROM generate_series(1, $3::int) AS i,
            LATERAL (SELECT timestamptz '2025-11-23 13:00:00Z' + (i * (365.0 * 86400 / $3)) * interval '1 second'
                                                               + (i % 9) * interval '1 hour' AS at,
                            30 + (i * 7919) % 400 AS secs) AS s`,
      clinic.id,
      OUTCOMES,
      CALLS,
    );
  }
  const [clinicId] = clinics as [string];
  const provider = await rootDb.provider.create({ data: { clinicId, name: "Dr. Bench" } });
  const type = await rootDb.appointmentType.create({ data: { clinicId, name: "Visit", durationMinutes: 15 } });
  const patient = await rootDb.patient.create({
    data: { clinicId, firstName: "Bench", lastName: "Patient", phone: "+12025550100" },
  });
  await rootDb.$executeRawUnsafe(
    `INSERT INTO appointments (id, "clinicId", "providerId", "appointmentTypeId", "patientId", status, "startsAt",
                               "endsAt", "blockStart", "blockEnd", source, "callId", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), c."clinicId", $2::uuid, $3::uuid, $4::uuid, 'booked', s, s + interval '15 minutes',
            s, s + interval '15 minutes', 'agent', c.id, c."startedAt" + interval '2 minutes', now()
     FROM (SELECT *, row_number() OVER (ORDER BY "startedAt") AS n FROM calls
           WHERE "clinicId" = $1::uuid AND outcome = 'booked') AS c,
          LATERAL (SELECT timestamptz '2027-01-01 00:00:00Z' + c.n * interval '20 minutes' AS s) AS slot`,
    clinicId,
    provider.id,
    type.id,
    patient.id,
  );
  await rootDb.$executeRawUnsafe("ANALYZE calls");
  await rootDb.$executeRawUnsafe("ANALYZE appointments");
  const db = tenants.forTenant(clinicId);
  const year = { from: "2025-11-23", to: "2026-11-22" };
  const month = { from: "2026-10-23", to: "2026-11-22" };

  // The baseline: the year's rows into JavaScript, counted per day there.
  const loadAndCount = async () => {
    const rows = await db.call.findMany({
      where: { startedAt: { gte: new Date("2025-11-23T05:00:00Z"), lt: new Date("2026-11-23T05:00:00Z") } },
      select: { startedAt: true, outcome: true, durationSeconds: true, costUsd: true },
    });
    const perDay = new Map<string, number>();
    for (const row of rows) {
      const day = row.startedAt?.toISOString().slice(0, 10) ?? "";
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    return perDay.size;
  };

  const check = await getCallAnalytics(db, year);
  const sqlYear: number[] = [];
  const sqlMonth: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await timed(() => getCallAnalytics(db, year), sqlYear);
    await timed(() => getCallAnalytics(db, month), sqlMonth);
    if (run < Math.max(5, RUNS / 4)) await timed(loadAndCount, baseline);
  }

  console.log(
    `\nAnalytics for one clinic with ${CALLS.toLocaleString("en-US")} calls in a year (and a neighbour as large)`,
  );
  console.log(
    `  year: ${check.totals.calls} calls, ${check.totals.bookings} bookings, conversion ${(check.totals.conversion ?? 0).toFixed(3)}`,
  );
  console.log(latencyRow("page, a year", sqlYear));
  console.log(latencyRow("page, a month", sqlMonth));
  console.log(latencyRow("baseline: rows into JS", baseline));
  const p99 = percentile(sqlYear, 0.99);
  console.log(
    `  a year's page p99 is ${(percentile(baseline, 0.5) / percentile(sqlYear, 0.5)).toFixed(1)}x faster than loading the rows (p50),` +
      ` target p99 < 200 ms: ${p99 < 200 ? "met" : "NOT met"} (${p99.toFixed(1)} ms)`,
  );
  await tenants.close();
  await rootDb.$disconnect();
});
