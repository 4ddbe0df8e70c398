export { CircuitBreaker } from "./breaker";
export { listSms } from "./list-sms";
export { smsStatuses } from "./schemas";
export { holdSmsOfInactiveClinic, type SmsSenderDeps, sendStoredSms } from "./send-sms";
export { receiveInboundSms, receiveSmsStatus, type SignedRequest, type WebhookDeps } from "./webhooks";
