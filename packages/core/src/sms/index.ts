export { type BreakerState, CircuitBreaker } from "./breaker";
export { listSms, smsSelect } from "./messages";
export { cancelPendingReminders, queueAppointmentSms } from "./queue-sms";
export { listSmsInput, smsStatuses } from "./schemas";
export { type SendOutcome, type SmsSenderDeps, sendStoredSms, TWILIO_OPTED_OUT } from "./send-sms";
export { smsBody } from "./templates";
export { createTwilioClient, isSignedByTwilio, type TwilioCredentials } from "./twilio";
export { receiveInboundSms, receiveSmsStatus, type SignedRequest, type WebhookDeps } from "./webhooks";
