// POST /api/vapi/webhook, framework-free: one URL for every Vapi server message. Authenticated
// before anything is read, size-capped by the caller, parsed defensively; every answer to
// something a sender can send is a 2xx or a 4xx with a reason, never a 500.
import { answerAssistantRequest } from "./answer-assistant-request";
import { answerToolCalls } from "./answer-tool-calls";
import { answerTransferDestination } from "./answer-transfer-destination";
import { authenticateVapiRequest, type VapiAuthRequest } from "./authenticate-vapi-request";
import type { VoiceDeps } from "./deps";
import { vapiEnvelope } from "./schemas";
import { storeVapiEvent } from "./store-vapi-event";

export type VapiReply = { status: number; body: unknown };

const refuse = (status: number, error: string): VapiReply => ({ status, body: { error } });

/** PostgreSQL text cannot hold NUL; valid JSON can. Dropped from every string and key. */
function withoutNul(value: unknown): unknown {
  if (typeof value === "string") return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replaceAll("\u0000", ""), withoutNul(v)]));
  }
  return value;
}

export async function receiveVapiMessage(deps: VoiceDeps, request: VapiAuthRequest): Promise<VapiReply> {
  if (!authenticateVapiRequest(deps.webhookSecret, request, (deps.now?.() ?? new Date()).getTime())) {
    return refuse(401, "missing or invalid Vapi credentials (X-Vapi-Secret, bearer token or x-signature)");
  }
  let json: unknown;
  try {
    json = withoutNul(JSON.parse(request.rawBody));
  } catch {
    return refuse(400, "the body is not valid JSON");
  }
  const envelope = vapiEnvelope.safeParse(json);
  if (!envelope.success) return refuse(400, "expected a Vapi server message: { message: { type, … } }");
  const { message } = envelope.data;
  switch (message.type) {
    case "assistant-request":
      return { status: 200, body: await answerAssistantRequest(deps, message) };
    case "tool-calls":
      return { status: 200, body: await answerToolCalls(deps, message) };
    case "transfer-destination-request":
      return { status: 200, body: await answerTransferDestination(deps, message) };
    default:
      await storeVapiEvent(deps, message, request.rawBody);
      return { status: 200, body: { received: true } };
  }
}
