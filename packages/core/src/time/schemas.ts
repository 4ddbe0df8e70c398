import { z } from "zod";

/** A calendar date in the clinic's timezone, as the clinic reads it ("2030-03-05"). */
export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2030-03-05");
