import { describe, expect, it } from "vitest";
import { updateClinicInput } from "./schemas";

describe("clinic profile input", () => {
  it("says what a booking rule must be, in words a person can act on", () => {
    const result = updateClinicInput.safeParse({
      minNoticeMinutes: Number.NaN,
      bookingHorizonDays: 0,
      reminderLeadMinutes: 2.5,
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message);
    expect(messages).toEqual([
      "enter the minimum notice (minutes) as a whole number",
      "the booking horizon (days) must be at least 1",
      "enter the reminder lead time (minutes) as a whole number",
    ]);
  });

  it("accepts a partial update", () => {
    expect(updateClinicInput.parse({ phone: "+14155550123", bookingHorizonDays: 90 })).toEqual({
      phone: "+14155550123",
      bookingHorizonDays: 90,
    });
  });
});
