// The worker's half of adding a number: get it in Twilio (buy a managed one in the clinic's
// subaccount, or find a brought one in the clinic's account), point its SMS webhooks at us, and
// import it into Vapi. Each step is keyed on what the row already holds (twilioSid,
// vapiPhoneNumberId) and written as soon as it is done, so a retry after a crash or an outage
// finishes the job instead of buying or importing twice.
import { type Origin, recordAudit } from "../audit";
import { readTwilioCredentials } from "../credentials";
import { ciphertextKeyId, encryptSecret } from "../crypto";
import { AppError, isTransient } from "../errors";
import { createTwilioClient, type TwilioClient, type TwilioCredentials } from "../sms/twilio";
import type { TenantDb } from "../tenancy";
import {
  callbackUrls,
  explainProviderError,
  MANAGED_CREDENTIAL_LABEL,
  platformTwilioClient,
  type TelephonyDeps,
} from "./deps";
import { importIntoVapi } from "./import-into-vapi";

const SYSTEM: Origin = { actor: { type: "system" }, ip: null };

/** When the subaccount Frontdesk made is refused, the clinic cannot fix it; we can. */
const MANAGED_REFUSED = "Frontdesk's Twilio account for your numbers was refused; contact Frontdesk support";
const refusedHint = (row: { source: "managed" | "byo" }) => (row.source === "managed" ? MANAGED_REFUSED : undefined);

export type ProvisionOutcome = "active" | "failed" | "retrying" | "skipped";

/** The clinic's Twilio subaccount for managed numbers, created on first use (once, under a lock). */
async function managedCredential(db: TenantDb, deps: TelephonyDeps) {
  const where = { kind: "twilio" as const, label: MANAGED_CREDENTIAL_LABEL };
  const select = { id: true, ciphertext: true };
  const existing = await db.credential.findFirst({ where, select });
  if (existing) return existing;
  const master = platformTwilioClient(deps);
  return db.$transaction(async (tx) => {
    // Two purchases for one clinic at once must not make two subaccounts.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`twilio-subaccount:${db.clinicId}`}))`;
    const raced = await tx.credential.findFirst({ where, select });
    if (raced) return raced;
    let account: { sid: string; authToken: string };
    try {
      account = await master.api.v2010.accounts.create({ friendlyName: `Frontdesk clinic ${db.clinicId}` });
    } catch (error) {
      throw explainProviderError("Twilio", error);
    }
    const ciphertext = encryptSecret(
      deps.keyring,
      JSON.stringify({ accountSid: account.sid, authToken: account.authToken }),
      db.clinicId,
    );
    const saved = await tx.credential.create({
      data: {
        clinicId: db.clinicId,
        ...where,
        ciphertext,
        keyId: ciphertextKeyId(ciphertext) as string,
        publicData: { accountSid: `${account.sid.slice(0, 6)}…${account.sid.slice(-4)}`, managed: true },
      },
      select,
    });
    await recordAudit(tx, SYSTEM, {
      action: "credentials.createSubaccount",
      targetType: "credential",
      targetId: saved.id,
      metadata: { kind: "twilio" },
    });
    return saved;
  });
}

type Row = {
  id: string;
  e164: string;
  label: string | null;
  source: "managed" | "byo";
  credentialId: string | null;
  twilioSid: string | null;
};

/** The Twilio account the number lives in, and a client for it. */
async function twilioAccount(db: TenantDb, deps: TelephonyDeps, row: Row) {
  let credential: { id: string; ciphertext: string } | null = null;
  if (row.source === "managed") {
    credential = await managedCredential(db, deps);
    if (row.credentialId !== credential.id) {
      await db.phoneNumber.update({ where: { id: row.id }, data: { credentialId: credential.id } });
    }
  } else if (row.credentialId) {
    credential = await db.credential.findFirst({
      where: { id: row.credentialId },
      select: { id: true, ciphertext: true },
    });
  }
  if (!credential) {
    throw new AppError(
      "BAD_REQUEST",
      "the Twilio credentials for this number were removed; add them again and reconnect",
    );
  }
  const secret: TwilioCredentials = readTwilioCredentials(deps.keyring, credential.ciphertext, db.clinicId);
  return { secret, client: createTwilioClient(secret, deps.twilioApiBaseUrl) };
}

/** The number's Twilio SID: found in the account, or (managed) bought there. */
async function twilioNumber(client: TwilioClient, row: Row, urls: ReturnType<typeof callbackUrls>) {
  try {
    const [owned] = await client.incomingPhoneNumbers.list({ phoneNumber: row.e164, limit: 1 });
    if (owned) return owned.sid;
    if (row.source === "byo") {
      throw new AppError(
        "BAD_REQUEST",
        `${row.e164} is not in the connected Twilio account; pick one of that account's numbers`,
      );
    }
    const bought = await client.incomingPhoneNumbers.create({
      phoneNumber: row.e164,
      smsUrl: urls.smsInbound,
      smsMethod: "POST",
      statusCallback: urls.smsStatus,
    });
    return bought.sid;
  } catch (error) {
    throw explainProviderError("Twilio", error, refusedHint(row));
  }
}

export async function provisionPhoneNumber(
  deps: TelephonyDeps,
  payload: { clinicId: string; phoneNumberId: string },
  { lastAttempt = false }: { lastAttempt?: boolean } = {},
): Promise<ProvisionOutcome> {
  const db = deps.tenants.forTenant(payload.clinicId);
  const row = await db.phoneNumber.findFirst({
    where: { id: payload.phoneNumberId },
    select: {
      id: true,
      e164: true,
      label: true,
      source: true,
      credentialId: true,
      twilioSid: true,
      vapiPhoneNumberId: true,
      status: true,
    },
  });
  if (row?.status !== "pending") return "skipped";
  const urls = callbackUrls(deps.appUrl);
  try {
    const { secret, client } = await twilioAccount(db, deps, row);
    let sid = row.twilioSid;
    if (!sid) {
      sid = await twilioNumber(client, row, urls);
      await db.phoneNumber.update({ where: { id: row.id }, data: { twilioSid: sid } });
    }
    try {
      await client
        .incomingPhoneNumbers(sid)
        .update({ smsUrl: urls.smsInbound, smsMethod: "POST", statusCallback: urls.smsStatus });
    } catch (error) {
      throw explainProviderError("Twilio", error, refusedHint(row));
    }
    if (!row.vapiPhoneNumberId) {
      const vapiPhoneNumberId = await importIntoVapi(deps, row, secret);
      await db.phoneNumber.update({ where: { id: row.id }, data: { vapiPhoneNumberId } });
    }
    return await db.$transaction(async (tx) => {
      // Released meanwhile: the release job (same queue, runs next) undoes what was done.
      const { count } = await tx.phoneNumber.updateMany({
        where: { id: row.id, status: "pending" },
        data: { status: "active", syncError: null },
      });
      if (count === 0) return "skipped";
      await recordAudit(tx, SYSTEM, {
        action: "phoneNumbers.activate",
        targetType: "phone_number",
        targetId: row.id,
        metadata: { reason: "provisioned" },
      });
      return "active";
    });
  } catch (error) {
    const reason = error instanceof AppError ? error.message : "an unexpected error; retrying";
    if (isTransient(error) && !lastAttempt) {
      // Still pending: the job retries with backoff, and the dashboard shows why it is waiting.
      await db.phoneNumber.updateMany({ where: { id: row.id, status: "pending" }, data: { syncError: reason } });
      throw error;
    }
    await db.$transaction(async (tx) => {
      const { count } = await tx.phoneNumber.updateMany({
        where: { id: row.id, status: "pending" },
        data: { status: "failed", syncError: reason.replace(/; retrying$/, "") },
      });
      if (count > 0) {
        await recordAudit(tx, SYSTEM, {
          action: "phoneNumbers.fail",
          targetType: "phone_number",
          targetId: row.id,
          metadata: { reason },
        });
      }
    });
    return "failed";
  }
}
