import { decryptSecret, type Keyring } from "../crypto";

/** A clinic's stored Twilio account, decrypted (the clinic id must match the one it was stored under). */
export const readTwilioCredentials = (keyring: Keyring, ciphertext: string, clinicId: string) =>
  JSON.parse(decryptSecret(keyring, ciphertext, clinicId)) as { accountSid: string; authToken: string };
