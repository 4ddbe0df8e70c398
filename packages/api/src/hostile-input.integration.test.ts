// Hostile input over the real HTTP handler, for every procedure of the router (a procedure added
// later is covered without touching this file). One field at a time is made hostile — a date
// that does not exist, a string of 100,000 characters, the wrong type, an array of 10,000
// items, a number out of any range — with every other field valid and pointing at the clinic's
// real rows. Each answer must be a 4xx with a message, never a 500, and nothing may change.
import { randomUUID } from "node:crypto";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { newClinic, useServices } from "../../../test/api";
import { useTestDatabase } from "../../../test/database";
import { fillClinic, snapshotClinic } from "../../../test/fixtures";
import { allProcedures, inputJsonSchema, type JsonSchema, sampleOf } from "../../../test/router";
import { CLINIC_HEADER, contextFromRequest } from "./http";
import { appRouter } from "./root";

const HUGE = "x".repeat(100_000);
const NOT_DATES = ["2030-13-45", "2030-02-31", "2030-02-31T10:00:00Z", "2030-13-45T10:00:00Z", "0000-00-00"];

type Probe = { label: string; input: unknown };

/** Does this string field hold a date or a timestamp? */
const isDateField = (s: JsonSchema) =>
  s.format === "date-time" || s.format === "date" || /\\d\{4\}-/.test(s.pattern ?? "");

/** The hostile values for one field of this schema (its alternatives' included). */
function hostileValues(schema: JsonSchema): unknown[] {
  const parts = schema.anyOf ?? schema.oneOf ?? [schema];
  const values = new Set<unknown>([{ nested: { deeply: HUGE } }]);
  for (const part of parts) {
    const types = Array.isArray(part.type) ? part.type : [part.type];
    if (types.includes("string")) {
      values.add(HUGE).add(12_345).add(true);
      if (isDateField(part)) for (const d of NOT_DATES) values.add(d);
    }
    if (types.includes("number") || types.includes("integer")) {
      values.add(1e308).add(-1e308).add(1.5).add("7").add(HUGE);
    }
    if (types.includes("boolean")) values.add("yes").add(1);
    if (types.includes("array")) {
      values.add("not a list").add(Array.from({ length: 10_000 }, () => sampleOf(part.items ?? {}, randomUUID())));
    }
    if (types.includes("object")) values.add("not an object").add([HUGE]);
  }
  return [...values];
}

/** Each field of `schema` (nested objects and array items too) made hostile, one at a time. */
function probesFor(schema: JsonSchema, valid: unknown, label: string): Probe[] {
  const object = schema.anyOf?.find((s) => s.type === "object") ?? schema;
  if (object.type !== "object" || !object.properties || typeof valid !== "object" || valid === null) return [];
  return Object.entries(object.properties).flatMap(([key, field]) => {
    const at = `${label}.${key}`;
    const current = (valid as Record<string, unknown>)[key];
    const here = hostileValues(field).map((value) => ({
      label: `${at} = ${typeof value === "string" ? value.slice(0, 24) : JSON.stringify(value)?.slice(0, 24)}`,
      input: { ...valid, [key]: value },
    }));
    const inner = field.anyOf?.find((s) => s.type === "object") ?? field;
    const nested = probesFor(inner, current ?? sampleOf(inner, randomUUID()), at).map((p) => ({
      label: p.label,
      input: { ...valid, [key]: p.input },
    }));
    return [...here, ...nested];
  });
}

describe("hostile input to every procedure, over the real handler", () => {
  const t = useTestDatabase();
  const services = useServices(t);
  let clinic: Awaited<ReturnType<typeof newClinic>>;
  /** Real ids of the clinic's rows, by the field name that takes them. */
  let idsByField: Record<string, string>;

  beforeAll(async () => {
    clinic = await newClinic(services(), "Hostile");
    await fillClinic(t.db, clinic.clinicId, "Hostile");
    const first = async <T extends { id: string }>(rows: Promise<T | null>) => (await rows)?.id ?? randomUUID();
    const where = { where: { clinicId: clinic.clinicId } };
    idsByField = {
      providerId: await first(t.db.provider.findFirst(where)),
      appointmentTypeId: await first(t.db.appointmentType.findFirst(where)),
      patientId: await first(t.db.patient.findFirst(where)),
      appointmentId: await first(t.db.appointment.findFirst(where)),
      overrideId: await first(t.db.scheduleOverride.findFirst(where)),
      credentialId: await first(t.db.credential.findFirst(where)),
      membershipId: await first(t.db.membership.findFirst(where)),
    };
  });

  // Every procedure gets a fresh allowance: the sweep sends hundreds of calls as one owner, and
  // the per-call rate limit (tested in batch-limits) would otherwise answer 429 before validation.
  beforeEach(async () => {
    await t.db.rateLimitBucket.deleteMany();
  });

  /** The valid input for a procedure: its schema's sample with the clinic's real ids. */
  function validInput(schema: JsonSchema) {
    const sample = sampleOf(schema, randomUUID());
    if (!sample || typeof sample !== "object") return sample;
    return Object.fromEntries(
      Object.entries(sample).map(([key, value]) => [
        key,
        idsByField[key] && typeof value === "string" ? idsByField[key] : value,
      ]),
    );
  }

  /** One request through the handler the web app mounts at /api/trpc, as the clinic's owner. */
  async function request(path: string, type: string, body: string) {
    const url = `http://frontdesk.test/api/trpc/${path}`;
    const headers = { [CLINIC_HEADER]: clinic.clinicId, "content-type": "application/json" };
    const req =
      type === "query"
        ? new Request(`${url}?input=${encodeURIComponent(body)}`, { headers })
        : new Request(url, { method: "POST", headers, body });
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: () => contextFromRequest(req, services(), async () => clinic.userId),
    });
    const text = await res.text();
    return { status: res.status, text };
  }

  const procedures = allProcedures().filter(([, p]) => p._def.inputs.length > 0);

  it("reaches every procedure that takes input", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(30);
  });

  it.each(procedures)("%s answers hostile input with a 4xx and a message, and changes nothing", async (path, p) => {
    const schema = inputJsonSchema(p) as JsonSchema;
    const valid = validInput(schema);
    const probes: Probe[] = [
      ...probesFor(schema, valid, path),
      { label: `${path} = null`, input: null },
      { label: `${path} = a string`, input: HUGE },
      { label: `${path} = a list`, input: [valid, valid] },
    ];
    const before = await snapshotClinic(t.db, clinic.clinicId);
    const people = await t.db.user.count();
    for (const probe of probes) {
      const { status, text } = await request(path, p._def.type, JSON.stringify({ json: probe.input }));
      expect(status, `${probe.label}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      expect(status, `${probe.label}: ${text.slice(0, 300)}`).toBeLessThan(500);
      const message = (JSON.parse(text) as { error?: { json?: { message?: string } } }).error?.json?.message;
      expect(message, probe.label).toMatch(/\w/);
    }
    // Not JSON at all.
    const garbled = await request(path, p._def.type, '{"json": {');
    expect(garbled.status, "a body that is not JSON").toBe(400);
    expect(await snapshotClinic(t.db, clinic.clinicId), `${path} changed the clinic's rows`).toEqual(before);
    expect(await t.db.user.count(), `${path} created an account`).toBe(people);
  });
});
