import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, appErrorCodes, isTransient } from "./index";

describe("which failures are worth retrying", () => {
  it("retries outages and limits, never refusals", () => {
    const transient = appErrorCodes.filter((code) => isTransient(new AppError(code, "x")));
    expect(transient).toEqual(["RATE_LIMITED", "UNAVAILABLE"]);
  });

  it("retries an unknown error (a dropped connection may come back), not input that fails its schema", () => {
    expect(isTransient(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isTransient(z.object({ id: z.uuid() }).safeParse({ id: "x" }).error)).toBe(false);
  });
});
