import { getCallAnalytics } from "@frontdesk/core/analytics";
import { analyticsInput, callAnalyticsSchema } from "@frontdesk/core/schemas";
import { clinicProcedureWith, router } from "../trpc";

export const analyticsRouter = router({
  calls: clinicProcedureWith("calls:read")
    .input(analyticsInput)
    .output(callAnalyticsSchema)
    .query(({ ctx, input }) => getCallAnalytics(ctx.db, input)),
});
