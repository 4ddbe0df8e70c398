// Client-safe: zod only.
import { z } from "zod";

/** The body of GET /api/health and `system.health`. */
export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  uptime: z.number(),
  db: z.enum(["ok", "down"]),
});

export type Health = z.infer<typeof healthSchema>;
