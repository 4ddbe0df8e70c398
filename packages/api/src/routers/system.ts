import { checkHealth } from "@frontdesk/core";
import { healthSchema } from "@frontdesk/core/schemas";
import { publicProcedure, router } from "../trpc";

export const systemRouter = router({
  health: publicProcedure.output(healthSchema).query(({ ctx }) => checkHealth(ctx.rootDb)),
});
