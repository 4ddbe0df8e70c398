import { listSms, listSmsInput, smsStatuses } from "@frontdesk/core/sms";
import { z } from "zod";
import { orgProcedureWith, router } from "../trpc";

const message = z.object({
  id: z.string(),
  direction: z.enum(["outbound", "inbound"]),
  kind: z.enum(["confirmation", "reminder", "cancellation", "reschedule", "inbound", "keyword_reply"]),
  toNumber: z.string(),
  fromNumber: z.string().nullable(),
  body: z.string(),
  status: z.enum(smsStatuses),
  errorCode: z.number().nullable(),
  errorMessage: z.string().nullable(),
  attempts: z.number(),
  scheduledFor: z.date().nullable(),
  sentAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  createdAt: z.date(),
  appointmentId: z.string().nullable(),
  patient: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }).nullable(),
});

export const smsRouter = router({
  list: orgProcedureWith("patients:read")
    .input(listSmsInput)
    .output(z.object({ items: z.array(message), nextCursor: z.string().optional() }))
    .query(({ ctx, input }) => listSms(ctx.db, input)),
});
