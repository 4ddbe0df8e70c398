export { type BreakerState, CircuitBreaker } from "./breaker";
export { listSms, listSmsInput, smsSelect, smsStatuses } from "./messages";
export { cancelPendingReminders, queueAppointmentSms } from "./queue-sms";
export { type SendOutcome, type SmsSenderDeps, sendStoredSms, TWILIO_OPTED_OUT } from "./send-sms";
export { smsBody } from "./templates";
export { createTwilioClient, isSignedByTwilio, type TwilioCredentials } from "./twilio";
export { receiveInboundSms, receiveSmsStatus, type SignedRequest, type WebhookDeps } from "./webhooks";
