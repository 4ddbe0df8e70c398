import { decryptSecret, type Keyring } from "../crypto";

/** A clinic's stored Twilio account, decrypted (the org id must match the one it was stored under). */
export const readTwilioCredentials = (keyring: Keyring, ciphertext: string, orgId: string) =>
  JSON.parse(decryptSecret(keyring, ciphertext, orgId)) as { accountSid: string; authToken: string };
