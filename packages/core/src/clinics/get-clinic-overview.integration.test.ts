// The dashboard's at-a-glance counts, on real PostgreSQL: only the clinic's own rows count.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../test/database";
import { fillClinic, useTenantClinic } from "../../../../test/fixtures";
import { getClinicOverview } from "./get-clinic-overview";

describe("getClinicOverview", () => {
  const t = useTestDatabase();
  const mine = useTenantClinic(t);
  const theirs = useTenantClinic(t);

  it("counts what the clinic has set up and its calls, and nothing of another clinic's", async () => {
    expect(await getClinicOverview(mine.db)).toEqual({ providers: 0, appointmentTypes: 0, phoneNumbers: [], calls: 0 });

    await fillClinic(t.db, mine.clinicId, "Mine");
    await fillClinic(t.db, theirs.clinicId, "Theirs");
    await t.db.provider.create({ data: { clinicId: mine.clinicId, name: "Dr. Retired", active: false } });
    const myNumber = await t.db.phoneNumber.findFirstOrThrow({ where: { clinicId: mine.clinicId } });

    expect(await getClinicOverview(mine.db)).toEqual({
      providers: 1,
      appointmentTypes: 1,
      phoneNumbers: [{ e164: myNumber.e164, label: null }],
      calls: 1,
    });
  });
});
