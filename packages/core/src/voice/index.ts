export { answerAssistantRequest, NO_SERVICE_MESSAGE, SERVER_MESSAGES } from "./answer-assistant-request";
export { answerToolCalls, type ToolCallResult } from "./answer-tool-calls";
export { answerTransferDestination } from "./answer-transfer-destination";
export { authenticateVapiRequest, MAX_SIGNATURE_AGE_MS } from "./authenticate-vapi-request";
export type { VoiceDeps } from "./deps";
export { receiveVapiMessage, type VapiReply } from "./receive-vapi-message";
export { REDACTED, redactSecrets } from "./redact";
export { storeVapiEvent, vapiDedupeKey } from "./store-vapi-event";
export { type ToolName, toolNames, type VoiceToolDefinition, voiceTools } from "./tools";
