// The worker's half of releasing a number: remove it from Vapi, hand a managed number back to
// Twilio (a brought one only stops texting us), then delete the row. Every step tolerates
// "already gone", so a retry after a failure picks up where it stopped.
import { type Origin, recordAudit } from "../audit";
import { readTwilioCredentials } from "../credentials";
import { createTwilioClient } from "../sms/twilio";
import { vapiStatus } from "../vapi";
import { callbackUrls, explainProviderError, requireVapi, type TelephonyDeps } from "./deps";
import { listVapiNumbers, VAPI_TIMEOUT_SECONDS } from "./import-into-vapi";

const SYSTEM: Origin = { actor: { type: "system" }, ip: null };

const gone = (status: number | undefined) => status === 404;

export async function finishRelease(
  deps: TelephonyDeps,
  payload: { clinicId: string; phoneNumberId: string },
): Promise<"released" | "skipped"> {
  const db = deps.tenants.forTenant(payload.clinicId);
  const row = await db.phoneNumber.findFirst({
    where: { id: payload.phoneNumberId },
    select: {
      id: true,
      e164: true,
      source: true,
      status: true,
      twilioSid: true,
      vapiPhoneNumberId: true,
      credential: { select: { ciphertext: true } },
    },
  });
  if (row?.status !== "released") return "skipped";

  if (deps.vapi) {
    const vapi = requireVapi(deps);
    // A create whose answer was lost left no id here, but Vapi may have the number all the same.
    const ids = row.vapiPhoneNumberId
      ? [row.vapiPhoneNumberId]
      : (await listVapiNumbers(deps))
          .filter((n) => n.number === row.e164 && n.server?.url === callbackUrls(deps.appUrl).vapiWebhook)
          .map((n) => n.id);
    for (const id of ids) {
      try {
        await vapi.phoneNumbers.delete({ id }, { timeoutInSeconds: deps.vapiTimeoutSeconds ?? VAPI_TIMEOUT_SECONDS });
      } catch (error) {
        if (!gone(vapiStatus(error))) throw explainProviderError("Vapi", error);
      }
    }
  }

  if (row.credential) {
    const secret = readTwilioCredentials(deps.keyring, row.credential.ciphertext, db.clinicId);
    const client = createTwilioClient(secret, deps.twilioApiBaseUrl);
    try {
      const sid =
        row.twilioSid ?? (await client.incomingPhoneNumbers.list({ phoneNumber: row.e164, limit: 1 }))[0]?.sid;
      if (sid && row.source === "managed") await client.incomingPhoneNumbers(sid).remove();
      // The clinic keeps a number it brought; it just stops sending its texts to us.
      if (sid && row.source === "byo")
        await client.incomingPhoneNumbers(sid).update({ smsUrl: "", statusCallback: "" });
    } catch (error) {
      if (!gone((error as { status?: number }).status)) throw explainProviderError("Twilio", error);
    }
  }

  await db.$transaction(async (tx) => {
    await tx.phoneNumber.delete({ where: { id: row.id } });
    await recordAudit(tx, SYSTEM, {
      action: "phoneNumbers.remove",
      targetType: "phone_number",
      targetId: row.id,
      metadata: { e164: row.e164, source: row.source },
    });
  });
  return "released";
}
