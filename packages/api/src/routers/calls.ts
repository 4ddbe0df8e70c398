import { getCall, listCallFilters, listCalls, listLiveCalls } from "@frontdesk/core/calls";
import { callDetail, callFilters, callIdInput, callPage, listCallsInput, liveCalls } from "@frontdesk/core/schemas";
import { clinicProcedureWith, router } from "../trpc";

const reader = clinicProcedureWith("calls:read");

export const callsRouter = router({
  list: reader
    .input(listCallsInput)
    .output(callPage)
    .query(({ ctx, input }) => listCalls(ctx.db, input)),
  filters: reader.output(callFilters).query(({ ctx }) => listCallFilters(ctx.db)),
  /** Calls in progress with their lines so far, and the latest finished ones (the live dashboard). */
  live: reader.output(liveCalls).query(({ ctx }) => listLiveCalls(ctx.db, ctx.origin)),
  get: reader
    .input(callIdInput)
    .output(callDetail)
    .query(({ ctx, input }) => getCall(ctx.db, ctx.origin, input)),
});
