import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { pruneExpiredIdempotencyKeys } from "../idempotency/prune-expired-keys";
import { enqueue } from "./index";

describe("job queue", () => {
  const t = useTestDatabase();

  const jobsNamed = (key: string) =>
    t.db.$queryRaw<{ id: bigint }[]>`SELECT id FROM graphile_worker.jobs WHERE key = ${key}`;

  it("enqueues atomically with the transaction that asks for it", async () => {
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueue(tx, "idempotency:prune-expired", {}, { jobKey: "rolled-back" });
        throw new Error("the surrounding write failed");
      }),
    ).rejects.toThrow("the surrounding write failed");
    expect(await jobsNamed("rolled-back")).toHaveLength(0);

    await t.db.$transaction(async (tx) => {
      await enqueue(tx, "idempotency:prune-expired", { batchSize: 10 }, { jobKey: "committed" });
    });
    expect(await jobsNamed("committed")).toHaveLength(1);
  });

  it("refuses a payload that does not match the job's schema", async () => {
    await expect(
      // @ts-expect-error the point of the test: an unknown field
      enqueue(t.db, "idempotency:prune-expired", { batchSize: -1, extra: true }),
    ).rejects.toThrow();
  });
});

describe("pruning idempotency keys", () => {
  const t = useTestDatabase();

  it("deletes only expired keys, in batches", async () => {
    const clinic = await t.db.clinic.create({ data: { name: "Prune", slug: "prune", timezone: "UTC" } });
    const now = new Date("2030-01-01T00:00:00Z");
    const rows = (expiresAt: Date, n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => ({
        clinicId: clinic.id,
        scope: "test",
        key: `${prefix}-${i}`,
        requestHash: "h",
        response: {},
        expiresAt,
      }));
    await t.db.idempotencyKey.createMany({
      data: [...rows(new Date("2029-12-31T00:00:00Z"), 25, "old"), ...rows(new Date("2030-01-02T00:00:00Z"), 5, "new")],
    });
    expect(await pruneExpiredIdempotencyKeys(t.db, { batchSize: 10, now })).toEqual({ deleted: 25 });
    const left = await t.db.idempotencyKey.findMany({ select: { key: true } });
    expect(left.map((r) => r.key).sort()).toEqual(["new-0", "new-1", "new-2", "new-3", "new-4"]);
  });
});

describe("pruning rate-limit windows", () => {
  const t = useTestDatabase();

  it("deletes only windows that have ended", async () => {
    const { hit, pruneExpiredRateLimits } = await import("../rate-limit");
    const now = new Date("2030-01-01T00:00:00Z");
    await hit(t.db, "test:ended", { limit: 5, windowMs: 60_000 }, new Date(now.getTime() - 120_000));
    await hit(t.db, "test:open", { limit: 5, windowMs: 60_000 }, now);
    expect(await pruneExpiredRateLimits(t.db, now)).toEqual({ count: 1 });
    expect((await t.db.rateLimitBucket.findMany()).map((b) => b.key)).toEqual(["test:open"]);
  });

  it("counts hits within a window and starts a new one after it", async () => {
    const { hit } = await import("../rate-limit");
    const limit = { limit: 2, windowMs: 60_000 };
    const at = (ms: number) => new Date(Date.UTC(2030, 0, 1) + ms);
    expect((await hit(t.db, "test:window", limit, at(0))).allowed).toBe(true);
    expect((await hit(t.db, "test:window", limit, at(1_000))).allowed).toBe(true);
    const third = await hit(t.db, "test:window", limit, at(2_000));
    expect(third).toEqual({ allowed: false, retryAfterSeconds: 58 });
    expect((await hit(t.db, "test:window", limit, at(61_000))).allowed).toBe(true);
  });
});
