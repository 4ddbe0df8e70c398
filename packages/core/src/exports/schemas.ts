// Client-safe: what a CSV export asks for.
import { z } from "zod";
import { daysIn } from "../analytics/schemas";
import { localDate } from "../time/schemas";

export const exportKinds = ["calls", "appointments"] as const;
export type ExportKind = (typeof exportKinds)[number];

export const exportInput = z
  .object({
    kind: z.enum(exportKinds),
    /** The clinic's calendar days, both included. */
    from: localDate,
    to: localDate,
  })
  .refine((range) => range.from <= range.to, { message: "the range must end on or after its start", path: ["to"] })
  .refine((range) => daysIn(range) <= 366, { message: "export at most 366 days at a time", path: ["from"] });

export type ExportInput = z.infer<typeof exportInput>;
