import { listAudit } from "@frontdesk/core";
import { auditPageSchema, listAuditInput } from "@frontdesk/core/schemas";
import { orgProcedureWith, router } from "../trpc";

export const auditRouter = router({
  list: orgProcedureWith("audit:read")
    .input(listAuditInput)
    .output(auditPageSchema)
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
});
