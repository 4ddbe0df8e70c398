export { CircuitBreaker } from "./breaker";
export { listSms } from "./list-sms";
export { receiveInboundSms } from "./receive-inbound-sms";
export { receiveSmsStatus } from "./receive-sms-status";
export { smsStatuses } from "./schemas";
export { type SmsSenderDeps, sendStoredSms } from "./send-sms";
export type { SignedRequest, WebhookDeps } from "./twilio-webhook";
