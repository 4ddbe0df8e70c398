// Every input the API accepts is bounded: each string has a maximum length (or a fixed format),
// each array a maximum size, each number a range. The test walks the whole appRouter, so a
// procedure added later with an unbounded field fails here before it ships.
import { describe, expect, it } from "vitest";
import { allProcedures, inputJsonSchema, type JsonSchema } from "../../../test/router";

/** Formats whose values have a fixed, short shape. */
const BOUNDED_FORMATS = new Set(["uuid", "date-time", "date"]);

/** Every unbounded spot in `schema`, as "path: what is missing". */
function unbounded(schema: JsonSchema, path: string): string[] {
  if (schema.const !== undefined || schema.enum) return [];
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives) {
    return schema.allOf
      ? // All must hold: bounded if any part bounds it, so only report when none does.
        alternatives.every((s) => unbounded(s, path).length > 0)
        ? unbounded(alternatives[0] ?? {}, path)
        : []
      : alternatives.flatMap((s) => unbounded(s, path));
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return [`${path}: accepts anything`];
  return types.flatMap((type) => {
    switch (type) {
      case "null":
      case "boolean":
        return [];
      case "string":
        return schema.maxLength !== undefined || (schema.format && BOUNDED_FORMATS.has(schema.format))
          ? []
          : [`${path}: string without a maximum length`];
      case "number":
      case "integer": {
        const low = schema.minimum ?? schema.exclusiveMinimum;
        const high = schema.maximum ?? schema.exclusiveMaximum;
        return low !== undefined && high !== undefined ? [] : [`${path}: number without a minimum and maximum`];
      }
      case "array":
        return [
          ...(schema.maxItems === undefined ? [`${path}: array without a maximum size`] : []),
          ...unbounded(schema.items ?? {}, `${path}[]`),
        ];
      case "object":
        return [
          ...(typeof schema.additionalProperties === "object" ? [`${path}: record with any number of keys`] : []),
          ...Object.entries(schema.properties ?? {}).flatMap(([key, s]) => unbounded(s, `${path}.${key}`)),
        ];
      default:
        return [`${path}: unknown type ${type}`];
    }
  });
}

describe("every procedure input is bounded", () => {
  const withInput = allProcedures().filter(([, p]) => p._def.inputs.length > 0);

  it("walks a router with inputs to check", () => {
    expect(withInput.length).toBeGreaterThanOrEqual(30);
  });

  it.each(withInput)("%s bounds every string, array and number", (path, procedure) => {
    expect(unbounded(inputJsonSchema(procedure) ?? {}, path)).toEqual([]);
  });

  it("the check itself finds an unbounded field", () => {
    expect(unbounded({ type: "object", properties: { note: { type: "string" } } }, "x")).toEqual([
      "x.note: string without a maximum length",
    ]);
    expect(unbounded({ type: "array", items: { type: "string", maxLength: 3 } }, "x")).toEqual([
      "x: array without a maximum size",
    ]);
    expect(unbounded({ type: "integer", minimum: 0 }, "x")).toEqual(["x: number without a minimum and maximum"]);
    expect(unbounded({}, "x")).toEqual(["x: accepts anything"]);
  });
});
