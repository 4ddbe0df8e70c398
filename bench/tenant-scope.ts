// Cost of tenant scoping on a typical list query (a page of 50 patients, sorted by name):
// the tenant client (clinic filter + a transaction carrying the RLS setting) against the same
// query on the unscoped client, in alternating rounds on one database so noise hits both.
// Usage: npm run bench:tenant-scope   (DATABASE_URL's server, or a throwaway embedded one)
import { randomBytes } from "node:crypto";
import { createRootDb } from "@frontdesk/core/db";
import { createTenantClients } from "@frontdesk/core/tenancy";
import { latencyRow, percentile, withBenchDatabase } from "./lib";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 200);
const CLINICS = 20;
const PATIENTS_PER_CLINIC = 1_000;

await withBenchDatabase(async (url) => {
  const root = createRootDb(url, { max: 4 });
  process.stdout.write(`seeding ${CLINICS} clinics × ${PATIENTS_PER_CLINIC} patients… `);
  const clinicIds: string[] = [];
  for (let o = 0; o < CLINICS; o++) {
    const clinic = await root.clinic.create({ data: { name: `Bench ${o}`, slug: `bench-${o}`, timezone: "UTC" } });
    clinicIds.push(clinic.id);
    await root.patient.createMany({
      data: Array.from({ length: PATIENTS_PER_CLINIC }, (_, i) => ({
        clinicId: clinic.id,
        firstName: `First${i}`,
        lastName: `Last${randomBytes(3).toString("hex")}`,
        phone: `+1415${String(o).padStart(2, "0")}${String(i).padStart(5, "0")}`,
      })),
    });
  }
  await root.$executeRaw`ANALYZE`;
  console.log("done");

  const tenants = createTenantClients(url, { max: 4 });
  const clinicId = clinicIds[7] as string;
  const tenant = tenants.forTenant(clinicId);
  const unscoped = () => root.patient.findMany({ where: { clinicId }, orderBy: { lastName: "asc" }, take: 50 });
  const scoped = () => tenant.patient.findMany({ orderBy: { lastName: "asc" }, take: 50 });
  // Worst case for the connection tagging: every query is for a different clinic than the last.
  let next = 0;
  const unscopedMixed = () =>
    root.patient.findMany({ where: { clinicId: clinicIds[next++ % CLINICS] }, orderBy: { lastName: "asc" }, take: 50 });
  const scopedMixed = () =>
    tenants
      .forTenant(clinicIds[next++ % CLINICS] as string)
      .patient.findMany({ orderBy: { lastName: "asc" }, take: 50 });

  // Same answer either way, or the comparison means nothing.
  const [a, b] = [await unscoped(), await scoped()];
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error("scoped and unscoped results differ");

  async function timeIt(fn: () => Promise<unknown>, samples: number[]) {
    for (let i = 0; i < PER_ROUND; i++) {
      const started = process.hrtime.bigint();
      await fn();
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  for (let i = 0; i < 50; i++) await Promise.all([unscoped(), scoped(), unscopedMixed(), scopedMixed()]); // warm up

  async function compare(label: string, baseline: () => Promise<unknown>, candidate: () => Promise<unknown>) {
    const base: number[] = [];
    const withScope: number[] = [];
    const roundRatios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      process.stdout.write(`\r${label}: round ${round + 1}/${ROUNDS}`);
      const [b, c]: number[][] = [[], []];
      const order = round % 2 === 0 ? [baseline, candidate] : [candidate, baseline];
      for (const fn of order) await timeIt(fn, fn === baseline ? (b as number[]) : (c as number[]));
      base.push(...(b as number[]));
      withScope.push(...(c as number[]));
      // Each round measures both back to back, so a ratio per round cancels slow drifts in
      // the machine's load; the median of those is the figure reported.
      roundRatios.push(percentile(c as number[], 0.5) / percentile(b as number[], 0.5));
    }
    const overhead = (percentile(roundRatios, 0.5) - 1) * 100;
    const spread = `${((percentile(roundRatios, 0.1) - 1) * 100).toFixed(1)}% … ${((percentile(roundRatios, 0.9) - 1) * 100).toFixed(1)}%`;
    console.log(`\r${label} — list 50 of ${PATIENTS_PER_CLINIC} patients, ${base.length} queries each`);
    console.log(latencyRow("unscoped", base));
    console.log(latencyRow("scoped", withScope));
    console.log(
      `  overhead: ${overhead.toFixed(1)}% (median of ${ROUNDS} rounds; 10th–90th percentile ${spread}; target < 15%)`,
    );
  }

  await compare("one clinic", unscoped, scoped);
  await compare("clinics interleaved", unscopedMixed, scopedMixed);
  await tenants.close();
  await root.$disconnect();
});
