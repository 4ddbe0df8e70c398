import { describe, expect, it } from "vitest";
import { uuidv7 } from "./uuid";

describe("uuidv7", () => {
  it("is a version 7 UUID carrying its time, so later ids sort after earlier ones", () => {
    const early = uuidv7(Date.UTC(2030, 0, 1));
    const late = uuidv7(Date.UTC(2030, 0, 1, 0, 0, 0, 1));
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early < late).toBe(true);
    expect(Number.parseInt(early.replace(/-/g, "").slice(0, 12), 16)).toBe(Date.UTC(2030, 0, 1));
    expect(uuidv7()).not.toBe(uuidv7());
  });
});
