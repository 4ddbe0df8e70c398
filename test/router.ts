// Walking the whole appRouter, for suites that must cover procedures added later.
import { appRouter, type ProcedureMeta } from "@frontdesk/api";
import { z } from "zod";

export type RouterProcedure = { _def: { type: string; inputs: z.ZodType[]; meta?: ProcedureMeta } };

/** Every procedure as [path, procedure], e.g. ["team.invite", …]. */
export const allProcedures = () =>
  Object.entries(appRouter._def.procedures as unknown as Record<string, RouterProcedure>);

/** The caller's function at a dotted path. */
export const procedureAt = (caller: object, path: string) =>
  path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input?: unknown,
  ) => Promise<unknown>;

export type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  default?: unknown;
};

/**
 * What a procedure accepts, as JSON Schema (the input side of transforms). A `z.date()` reads
 * as a date-time string, which is how a plain-JSON client sends one.
 */
export function inputJsonSchema(procedure: RouterProcedure): JsonSchema | null {
  const schema = procedure._def.inputs[0];
  if (!schema) return null;
  return z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      if ((ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def.type === "date") {
        Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
      }
    },
  }) as JsonSchema;
}

/** A valid-looking value for a JSON schema, with `id` wherever a UUID goes. */
export function sampleOf(schema: JsonSchema, id: string): unknown {
  if (schema.anyOf) return sampleOf(schema.anyOf.find((s) => s.type !== "null") ?? schema.anyOf[0] ?? {}, id);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object":
      // Required fields, plus every optional field that takes an id (those are the probes).
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([key, s]) => schema.required?.includes(key) || JSON.stringify(s).includes('"format":"uuid"'))
          .map(([key, s]) => [key, sampleOf(s, id)]),
      );
    case "string":
      if (schema.format === "uuid") return id;
      if (schema.format === "email") return "isolation@example.test";
      if (schema.format === "date-time") return new Date().toISOString();
      if (schema.format === "uri") return "https://example.test";
      return "x".repeat(Math.min(Math.max(schema.minLength ?? 0, 24), schema.maxLength ?? 24));
    case "number":
    case "integer":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "array":
      return schema.items ? [sampleOf(schema.items, id)] : [];
    default:
      return undefined;
  }
}
