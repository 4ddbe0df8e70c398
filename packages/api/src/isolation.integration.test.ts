// The isolation suite. It walks the whole appRouter, so a procedure added later is covered
// without anyone editing this file: every procedure is called by clinic A's owner (and by
// A's API key) with each of clinic B's ids in every id field, and with B requested as the
// active clinic. The answer must be an error (never a crash) or contain nothing of B's, and
// B's rows must be exactly as they were.
import { createApiKey } from "@frontdesk/core";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, newClinic, newMember, useServices } from "../../../test/api";
import { useTestDatabase } from "../../../test/database";
import { fillClinic, identifiersIn, snapshotClinic } from "../../../test/fixtures";
import { allProcedures, inputJsonSchema, procedureAt, type RouterProcedure, sampleOf } from "../../../test/router";

type Procedure = RouterProcedure;
const procedures = allProcedures();

function inputsFor(procedure: Procedure, ids: string[]) {
  const json = inputJsonSchema(procedure);
  if (!json) return [undefined];
  const hasUuid = JSON.stringify(json).includes('"format":"uuid"');
  return (hasUuid ? ids : ["00000000-0000-4000-8000-000000000000"]).map((id) => sampleOf(json, id));
}

const call = (caller: ReturnType<typeof callerFor>, path: string, input: unknown) => procedureAt(caller, path)(input);

describe("tenant isolation across the whole router", () => {
  const t = useTestDatabase();
  const services = useServices(t);
  let a: Awaited<ReturnType<typeof newClinic>>;
  let aKey: string;
  let bClinicId: string;
  let bIds: string[];
  let bSecrets: string[];
  let bBefore: Record<string, unknown[]>;

  beforeAll(async () => {
    a = await newClinic(services(), "Alpha");
    await fillClinic(t.db, a.clinicId, "Alpha");
    aKey = (
      await createApiKey(
        services().tenants.forTenant(a.clinicId),
        { actor: { type: "user", userId: a.userId }, ip: null, role: "owner" },
        { name: "a", role: "owner" },
      )
    ).key;

    const b = await newClinic(services(), "Bravo");
    bClinicId = b.clinicId;
    await newMember(services(), b, "admin");
    await b.owner.team.invite({ email: "pending@bravo.test", role: "staff" });
    await b.owner.apiKeys.create({ name: "Bravo EHR", role: "staff" });
    await fillClinic(t.db, b.clinicId, "Bravo");
    bBefore = await snapshotClinic(t.db, b.clinicId);
    const members = await t.db.membership.findMany({ where: { clinicId: b.clinicId }, include: { user: true } });
    bIds = [b.clinicId, ...new Set(identifiersIn(bBefore).filter((v) => /^[0-9a-f-]{36}$/.test(v)))];
    bSecrets = [...identifiersIn(bBefore), ...members.map((m) => m.user.email)];
    expect(bIds.length).toBeGreaterThan(20);
  });

  const actors = () => [
    { label: "A's owner", caller: callerFor(services(), { type: "user", userId: a.userId }, a.clinicId) },
    {
      label: "A's owner asking for clinic B",
      caller: callerFor(services(), { type: "user", userId: a.userId }, bClinicId),
    },
  ];

  it.each(procedures.map(([path, p]) => [path, p] as const))(
    "%s leaks nothing of clinic B and changes nothing of it",
    async (path, procedure) => {
      const apiKeyActor = await services().rootDb.apiKey.findFirstOrThrow({ where: { clinicId: a.clinicId } });
      const keyActor = {
        type: "api_key" as const,
        apiKeyId: apiKeyActor.id,
        clinicId: a.clinicId,
        role: "owner" as const,
      };
      const all = [
        ...actors(),
        { label: "A's API key", caller: callerFor(services(), keyActor) },
        { label: "A's API key asking for clinic B", caller: callerFor(services(), keyActor, bClinicId) },
      ];
      expect(aKey).toMatch(/^fd_live_/);
      for (const { label, caller } of all) {
        for (const input of inputsFor(procedure, bIds)) {
          const outcome = await call(caller, path, input).then(
            (value) => ({ ok: true as const, value }),
            (error: unknown) => ({ ok: false as const, error }),
          );
          const where = `${path} as ${label} with ${JSON.stringify(input)}`;
          if (outcome.ok) {
            const text = JSON.stringify(outcome.value) ?? "";
            for (const secret of bSecrets) expect(text, `${where} returned B's "${secret}"`).not.toContain(secret);
          } else {
            expect(outcome.error, where).toBeInstanceOf(TRPCError);
            expect((outcome.error as TRPCError).code, `${where}: ${(outcome.error as Error).message}`).not.toBe(
              "INTERNAL_SERVER_ERROR",
            );
            if (procedure._def.meta?.scope === "clinic" && label.includes("clinic B")) {
              expect((outcome.error as TRPCError).code, where).toBe("NOT_FOUND");
            }
          }
          if (procedure._def.meta?.scope === "clinic" && label.includes("clinic B")) {
            expect(outcome.ok, `${where} must be NOT_FOUND: A's owner is not a member of B`).toBe(false);
          }
        }
      }
      expect(await snapshotClinic(t.db, bClinicId), `${path} changed clinic B's rows`).toEqual(bBefore);
    },
  );

  it("covers every procedure of the router", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(24);
    expect(procedures.filter(([, p]) => p._def.meta?.scope === "clinic").length).toBeGreaterThanOrEqual(14);
  });
});
