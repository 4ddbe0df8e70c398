// "Call my phone": Vapi calls a staff member from one of the clinic's numbers with the assistant
// that answers that number, so they hear exactly what callers hear. The Call row is created with
// Vapi's call id at once, so the webhooks that follow merge into it and it shows in the calls list.
import type { Vapi } from "@vapi-ai/server-sdk";
import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { openCall } from "../calls/open-call";
import { AppError } from "../errors";
import { limits, rateLimited } from "../rate-limit";
import type { TenantDb } from "../tenancy";
import { assistantForLine } from "../voice/answer-assistant-request";
import { resolveLine } from "../voice/resolve-line";
import { callbackUrls, explainProviderError, requireVapi, type TelephonyDeps } from "./deps";
import { VAPI_TIMEOUT_SECONDS } from "./import-into-vapi";
import { placeTestCallInput } from "./schemas";

export async function placeTestCall(
  db: TenantDb,
  deps: Omit<TelephonyDeps, "tenants" | "keyring">,
  origin: Origin,
  input: z.input<typeof placeTestCallInput>,
  now = new Date(),
) {
  const { phoneNumberId, to } = placeTestCallInput.parse(input);
  const vapi = requireVapi(deps);
  const number = await db.phoneNumber.findFirst({
    where: { id: phoneNumberId },
    select: { id: true, e164: true, status: true, vapiPhoneNumberId: true },
  });
  if (!number || number.status === "released") throw new AppError("NOT_FOUND", "that number was not found");
  if (number.status !== "active") {
    throw new AppError("CONFLICT", `${number.e164} is not active; wait until it shows Active, or turn it on first`);
  }
  if (!number.vapiPhoneNumberId) {
    throw new AppError(
      "CONFLICT",
      `${number.e164} is not connected to the receptionist; pick a number you bought or connected here`,
    );
  }
  const allowed = await deps.hit(`test-call:${db.clinicId}`, limits.testCallsPerClinic);
  if (!allowed.allowed) throw rateLimited("test calls from this clinic", allowed.retryAfterSeconds);
  // The line as an inbound call on this number would see it (the tenant client's RLS keeps the
  // lookup inside this clinic).
  const line = await resolveLine(db, { phoneNumber: { number: number.e164 } });
  if (!line) throw new AppError("NOT_FOUND", "that number was not found");
  const answer = assistantForLine(
    line,
    { webhookUrl: callbackUrls(deps.appUrl).vapiWebhook, webhookSecret: deps.vapiWebhookSecret },
    now,
  );
  let call: Vapi.Call;
  try {
    const created = await vapi.calls.create(
      {
        ...(answer as Pick<Vapi.CreateCallDto, "assistantId" | "assistant" | "assistantOverrides">),
        phoneNumberId: number.vapiPhoneNumberId,
        customer: { number: to },
        name: "Frontdesk test call",
      },
      // Once: a retried create would ring the phone twice.
      { maxRetries: 0, timeoutInSeconds: deps.vapiTimeoutSeconds ?? VAPI_TIMEOUT_SECONDS },
    );
    const first = "id" in created ? created : created.results?.[0];
    if (!first) throw new AppError("UNAVAILABLE", "Vapi did not place the call; try again in a minute");
    call = first;
  } catch (error) {
    const explained = explainProviderError("Vapi", error);
    throw explained.code === "UNAVAILABLE"
      ? new AppError("UNAVAILABLE", "Vapi did not place the call; try again in a minute")
      : explained;
  }
  return db.$transaction(async (tx) => {
    const callId = await openCall(tx, {
      clinicId: db.clinicId,
      vapiCallId: call.id,
      assistantId: line.assistant?.id,
      phoneNumberId: number.id,
      fromNumber: number.e164,
      toNumber: to,
      status: "queued",
      direction: "outbound",
    });
    if (!callId) throw new AppError("INTERNAL", "the call was placed but could not be recorded");
    await recordAudit(tx, origin, {
      action: "phoneNumbers.testCall",
      targetType: "call",
      targetId: callId,
      metadata: { phoneNumberId: number.id, to: `…${to.slice(-4)}` },
    });
    return { callId, vapiCallId: call.id };
  });
}
