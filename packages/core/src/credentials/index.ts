// Clinics' own third-party credentials (their Twilio account), encrypted with the org id as
// associated data: a ciphertext copied into another clinic's row does not decrypt. Only the
// non-secret part (which account) is ever returned.
import type { z } from "zod";
import { ciphertextKeyId, decryptSecret, encryptSecret, type Keyring } from "../crypto";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { twilioCredentialsInput } from "./schemas";

export const credentialSelect = {
  id: true,
  kind: true,
  label: true,
  publicData: true,
  keyId: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function setTwilioCredentials(
  db: TenantDb,
  keyring: Keyring,
  raw: z.input<typeof twilioCredentialsInput>,
) {
  const { accountSid, authToken, label } = twilioCredentialsInput.parse(raw);
  const ciphertext = encryptSecret(keyring, JSON.stringify({ accountSid, authToken }), db.orgId);
  const data = {
    ciphertext,
    keyId: ciphertextKeyId(ciphertext) as string,
    publicData: { accountSid: `${accountSid.slice(0, 6)}…${accountSid.slice(-4)}` },
  };
  return db.credential.upsert({
    where: { orgId_kind_label: { orgId: db.orgId, kind: "twilio", label } },
    create: { orgId: db.orgId, kind: "twilio", label, ...data },
    update: data,
    select: credentialSelect,
  });
}

/** A clinic's stored Twilio account, decrypted (the org id must match the one it was stored under). */
export const readTwilioCredentials = (keyring: Keyring, ciphertext: string, orgId: string) =>
  JSON.parse(decryptSecret(keyring, ciphertext, orgId)) as { accountSid: string; authToken: string };

export const listCredentials = (db: TenantDb) =>
  db.credential.findMany({ select: credentialSelect, orderBy: { createdAt: "asc" } });

export async function removeCredential(db: TenantDb, id: string) {
  const { count } = await db.credential.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("NOT_FOUND", "credential not found");
}
