import { auditRow, listAudit, listAuditInput } from "@frontdesk/core";
import { z } from "zod";
import { orgProcedureWith, router } from "../trpc";

export const auditRouter = router({
  list: orgProcedureWith("audit:read")
    .input(listAuditInput)
    .output(z.object({ items: z.array(auditRow), nextCursor: z.string().optional() }))
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
});
