import type { SmsStatus } from "../db";
import type { LiveEvent } from "../realtime/schemas";

/** A text's new status, for the dashboard's SMS list and the appointment it belongs to. */
export const smsStatusEvent = (messageId: string, appointmentId: string | null, status: SmsStatus): LiveEvent => ({
  name: "sms.status",
  data: { messageId, appointmentId, status },
});
