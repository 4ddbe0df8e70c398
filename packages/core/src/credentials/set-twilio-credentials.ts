import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { ciphertextKeyId, encryptSecret, type Keyring } from "../crypto";
import type { TenantDb } from "../tenancy";
import { credentialSelect } from "./list-credentials";
import { twilioCredentialsInput } from "./schemas";

/** Stores (or replaces) the clinic's Twilio account under a label, encrypted. */
export async function setTwilioCredentials(
  db: TenantDb,
  origin: Origin,
  input: z.input<typeof twilioCredentialsInput>,
  keyring: Keyring,
) {
  const { accountSid, authToken, label } = twilioCredentialsInput.parse(input);
  const ciphertext = encryptSecret(keyring, JSON.stringify({ accountSid, authToken }), db.clinicId);
  const data = {
    ciphertext,
    keyId: ciphertextKeyId(ciphertext) as string,
    publicData: { accountSid: `${accountSid.slice(0, 6)}…${accountSid.slice(-4)}` },
  };
  return db.$transaction(async (tx) => {
    const saved = await tx.credential.upsert({
      where: { clinicId_kind_label: { clinicId: db.clinicId, kind: "twilio", label } },
      create: { clinicId: db.clinicId, kind: "twilio", label, ...data },
      update: data,
      select: credentialSelect,
    });
    await recordAudit(tx, origin, {
      action: "credentials.set",
      targetType: "credential",
      targetId: saved.id,
      metadata: { kind: "twilio" },
    });
    return saved;
  });
}
