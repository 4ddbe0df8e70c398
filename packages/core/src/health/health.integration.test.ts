import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { createRootDb } from "../db";
import { checkHealth } from "./index";

describe("health", () => {
  const t = useTestDatabase();

  it("is ok when PostgreSQL answers", async () => {
    const health = await checkHealth(t.db);
    expect(health).toMatchObject({ status: "ok", db: "ok" });
    expect(health.uptime).toBeGreaterThanOrEqual(0);
  });

  it("reports the database down (and does not hang) when PostgreSQL is unreachable", async () => {
    const unreachable = createRootDb("postgresql://nobody:secret@127.0.0.1:1/none", { connectionTimeoutMillis: 500 });
    try {
      const started = Date.now();
      const health = await checkHealth(unreachable, 2_000);
      expect(health).toMatchObject({ status: "degraded", db: "down" });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(JSON.stringify(health)).not.toContain("secret");
    } finally {
      await unreachable.$disconnect();
    }
  });
});
