import { listSmsInput, smsPage } from "@frontdesk/core/schemas";
import { listSms } from "@frontdesk/core/sms";
import { orgProcedureWith, router } from "../trpc";

export const smsRouter = router({
  list: orgProcedureWith("patients:read")
    .input(listSmsInput)
    .output(smsPage)
    .query(({ ctx, input }) => listSms(ctx.db, input)),
});
