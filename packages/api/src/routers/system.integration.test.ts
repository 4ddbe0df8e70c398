import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { appRouter } from "../root";
import { createCallerFactory, createContext } from "../trpc";

describe("system router", () => {
  const t = useTestDatabase();

  it("answers health through the typed router", async () => {
    const caller = createCallerFactory(appRouter)(createContext({ db: t.db }));
    await expect(caller.system.health()).resolves.toMatchObject({ status: "ok", db: "ok" });
  });
});
