import { describe, expect, it } from "vitest";
import { scopeArgs } from "./for-tenant";

const clinic = "0190aaaa-0000-7000-8000-000000000001";
const other = "0190bbbb-0000-7000-8000-000000000002";

describe("tenant argument scoping", () => {
  it("ANDs the clinic into every filter, keeping the caller's own conditions", () => {
    expect(scopeArgs("Patient", "findMany", { where: { lastName: "Lee", AND: { active: true } } }, clinic)).toEqual({
      where: { lastName: "Lee", AND: [{ active: true }, { clinicId: clinic }] },
    });
    expect(scopeArgs("Patient", "findUnique", { where: { id: "p1" } }, clinic).where).toEqual({
      id: "p1",
      AND: [{ clinicId: clinic }],
    });
    expect(scopeArgs("Patient", "deleteMany", undefined, clinic).where).toEqual({ AND: [{ clinicId: clinic }] });
  });

  it("stamps the clinic on every created row and refuses another clinic's", () => {
    expect(scopeArgs("Provider", "create", { data: { name: "A" } }, clinic).data).toEqual({
      name: "A",
      clinicId: clinic,
    });
    expect(scopeArgs("Provider", "createMany", { data: [{ name: "A" }, { name: "B" }] }, clinic).data).toEqual([
      { name: "A", clinicId: clinic },
      { name: "B", clinicId: clinic },
    ]);
    expect(() => scopeArgs("Provider", "create", { data: { name: "A", clinicId: other } }, clinic)).toThrow(
      "not found",
    );
    expect(() => scopeArgs("Provider", "update", { where: { id: "x" }, data: { clinicId: other } }, clinic)).toThrow(
      "not found",
    );
    expect(() =>
      scopeArgs("Provider", "create", { data: { name: "A", clinic: { connect: { id: other } } } }, clinic),
    ).toThrow(/clinic.connect/);
    const upsert = scopeArgs(
      "Patient",
      "upsert",
      { where: { id: "p" }, create: { firstName: "A" }, update: {} },
      clinic,
    );
    expect(upsert.create).toEqual({ firstName: "A", clinicId: clinic });
  });

  it("limits the clinic row to itself and platform data to platform code", () => {
    expect(scopeArgs("Clinic", "findFirst", {}, clinic).where).toEqual({ id: clinic });
    expect(() => scopeArgs("Clinic", "create", { data: {} }, clinic)).toThrow(/own procedures/);
    expect(() => scopeArgs("Clinic", "deleteMany", {}, clinic)).toThrow(/own procedures/);
    expect(scopeArgs("Tool", "findMany", {}, clinic)).toEqual({});
    expect(() => scopeArgs("Tool", "update", { where: { id: "t" }, data: {} }, clinic)).toThrow(/read-only/);
    expect(() => scopeArgs("User", "findMany", {}, clinic)).toThrow(/not clinic data/);
  });
});
