import { listAudit } from "@frontdesk/core";
import { auditPageSchema, listAuditInput } from "@frontdesk/core/schemas";
import { clinicProcedureWith, router } from "../trpc";

export const auditRouter = router({
  list: clinicProcedureWith("audit:read")
    .input(listAuditInput)
    .output(auditPageSchema)
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
});
