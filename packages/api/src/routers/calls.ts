import { getCall, listCallFilters, listCalls } from "@frontdesk/core/calls";
import { callDetail, callFilters, callIdInput, callPage, listCallsInput } from "@frontdesk/core/schemas";
import { clinicProcedureWith, router } from "../trpc";

const reader = clinicProcedureWith("calls:read");

export const callsRouter = router({
  list: reader
    .input(listCallsInput)
    .output(callPage)
    .query(({ ctx, input }) => listCalls(ctx.db, input)),
  filters: reader.output(callFilters).query(({ ctx }) => listCallFilters(ctx.db)),
  get: reader
    .input(callIdInput)
    .output(callDetail)
    .query(({ ctx, input }) => getCall(ctx.db, ctx.origin, input)),
});
