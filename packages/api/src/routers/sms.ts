import { listSmsInput, smsPage } from "@frontdesk/core/schemas";
import { listSms } from "@frontdesk/core/sms";
import { clinicProcedureWith, router } from "../trpc";

export const smsRouter = router({
  list: clinicProcedureWith("patients:read")
    .input(listSmsInput)
    .output(smsPage)
    .query(({ ctx, input }) => listSms(ctx.db, input)),
});
