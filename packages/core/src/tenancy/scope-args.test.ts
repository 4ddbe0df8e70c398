import { describe, expect, it } from "vitest";
import { scopeArgs } from "./for-tenant";

const org = "0190aaaa-0000-7000-8000-000000000001";
const other = "0190bbbb-0000-7000-8000-000000000002";

describe("tenant argument scoping", () => {
  it("ANDs the org into every filter, keeping the caller's own conditions", () => {
    expect(scopeArgs("Patient", "findMany", { where: { lastName: "Lee", AND: { active: true } } }, org)).toEqual({
      where: { lastName: "Lee", AND: [{ active: true }, { orgId: org }] },
    });
    expect(scopeArgs("Patient", "findUnique", { where: { id: "p1" } }, org).where).toEqual({
      id: "p1",
      AND: [{ orgId: org }],
    });
    expect(scopeArgs("Patient", "deleteMany", undefined, org).where).toEqual({ AND: [{ orgId: org }] });
  });

  it("stamps the org on every created row and refuses another org's", () => {
    expect(scopeArgs("Provider", "create", { data: { name: "A" } }, org).data).toEqual({ name: "A", orgId: org });
    expect(scopeArgs("Provider", "createMany", { data: [{ name: "A" }, { name: "B" }] }, org).data).toEqual([
      { name: "A", orgId: org },
      { name: "B", orgId: org },
    ]);
    expect(() => scopeArgs("Provider", "create", { data: { name: "A", orgId: other } }, org)).toThrow("not found");
    expect(() => scopeArgs("Provider", "update", { where: { id: "x" }, data: { orgId: other } }, org)).toThrow(
      "not found",
    );
    expect(() =>
      scopeArgs("Provider", "create", { data: { name: "A", org: { connect: { id: other } } } }, org),
    ).toThrow(/org.connect/);
    const upsert = scopeArgs("Patient", "upsert", { where: { id: "p" }, create: { firstName: "A" }, update: {} }, org);
    expect(upsert.create).toEqual({ firstName: "A", orgId: org });
  });

  it("limits the clinic row to itself and platform data to platform code", () => {
    expect(scopeArgs("Organization", "findFirst", {}, org).where).toEqual({ id: org });
    expect(() => scopeArgs("Organization", "create", { data: {} }, org)).toThrow(/own procedures/);
    expect(() => scopeArgs("Organization", "deleteMany", {}, org)).toThrow(/own procedures/);
    expect(scopeArgs("Tool", "findMany", {}, org)).toEqual({});
    expect(() => scopeArgs("Tool", "update", { where: { id: "t" }, data: {} }, org)).toThrow(/read-only/);
    expect(() => scopeArgs("User", "findMany", {}, org)).toThrow(/not clinic data/);
  });
});
