// The phone-numbers router as the dashboard calls it: a taken number is a 409 with a sentence,
// answers carry no Twilio or Vapi ids, and staff may see numbers and test-call but not manage.

import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { callerFor, newClinic, newMember, useServices } from "../../../../test/api";
import { useTestDatabase } from "../../../../test/database";

describe("phoneNumbers router", () => {
  const t = useTestDatabase();
  const services = useServices(t);

  it("answers 409 with a sentence for a number another clinic holds, without saying which", async () => {
    const a = await newClinic(services(), "Holder");
    const b = await newClinic(services(), "Latecomer");
    const bought = await a.owner.phoneNumbers.buy({ e164: "+13125550177", label: "Front" });
    expect(Object.keys(bought).sort()).toEqual(
      ["assistant", "createdAt", "e164", "id", "label", "source", "status", "syncError", "updatedAt"].sort(),
    );
    const refusal = await b.owner.phoneNumbers.buy({ e164: "+13125550177" }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TRPCError);
    expect(getHTTPStatusCodeFromError(refusal as TRPCError)).toBe(409);
    expect((refusal as TRPCError).message).toBe(
      "+13125550177 is already connected to Frontdesk; release it there first, or choose another number",
    );
    expect(await b.owner.phoneNumbers.list()).toEqual([]);
  });

  it("lets staff see numbers but not buy, release or relabel them", async () => {
    const clinic = await newClinic(services(), "Roles");
    const number = await clinic.owner.phoneNumbers.buy({ e164: "+13125550178" });
    const staff = await newMember(services(), clinic, "staff");
    expect((await staff.caller.phoneNumbers.list()).map((n) => n.e164)).toEqual(["+13125550178"]);
    await expect(staff.caller.phoneNumbers.buy({ e164: "+13125550179" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(staff.caller.phoneNumbers.release({ phoneNumberId: number.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // A test call is theirs to place; here the number is still being set up, and Vapi is not configured.
    await expect(
      callerFor(services(), { type: "user", userId: staff.userId }, clinic.clinicId).phoneNumbers.testCall({
        phoneNumberId: number.id,
        to: "+14155550100",
      }),
    ).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  });
});
