import { checkHealth } from "@frontdesk/core";
import { z } from "zod";
import { publicProcedure, router } from "../trpc";

export const systemRouter = router({
  health: publicProcedure
    .output(z.object({ status: z.enum(["ok", "degraded"]), uptime: z.number(), db: z.enum(["ok", "down"]) }))
    .query(({ ctx }) => checkHealth(ctx.rootDb)),
});
