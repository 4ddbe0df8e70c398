import { describe, expect, it } from "vitest";
import { callerFor, useServices } from "../../../../test/api";
import { useTestDatabase } from "../../../../test/database";

describe("system router", () => {
  const t = useTestDatabase();
  const services = useServices(t);

  it("answers health to anyone", async () => {
    await expect(callerFor(services(), null).system.health()).resolves.toMatchObject({ status: "ok", db: "ok" });
  });
});
