// Walking the whole appRouter, for suites that must cover procedures added later.
import { appRouter, type ProcedureMeta } from "@frontdesk/api";
import type { z } from "zod";

export type RouterProcedure = { _def: { type: string; inputs: z.ZodType[]; meta?: ProcedureMeta } };

/** Every procedure as [path, procedure], e.g. ["team.invite", …]. */
export const allProcedures = () =>
  Object.entries(appRouter._def.procedures as unknown as Record<string, RouterProcedure>);

/** The caller's function at a dotted path. */
export const procedureAt = (caller: object, path: string) =>
  path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input?: unknown,
  ) => Promise<unknown>;
