// AES-256-GCM for tenant secrets (BYO Twilio tokens, Google refresh tokens).
// Ciphertext format: "v1.<keyId>.<iv>.<tag>.<data>" (base64url parts). The key id travels with
// every value, so a new key can be introduced while old values stay readable; the clinic id can be
// bound as additional authenticated data so a value copied to another clinic fails to decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../errors";

export type Keyring = { currentKeyId: string; keys: ReadonlyMap<string, Buffer> };

const KEY_HEX = /^[0-9a-fA-F]{64}$/;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export function parseKey(hex: string): Buffer {
  if (!KEY_HEX.test(hex)) throw new AppError("BAD_REQUEST", "an encryption key must be 64 hex characters (32 bytes)");
  return Buffer.from(hex, "hex");
}

/**
 * @param currentKey the key new values are encrypted with (64 hex chars)
 * @param previousKeys "id:hex,id:hex" of retired keys that can still decrypt
 */
export function createKeyring(currentKeyId: string, currentKey: string, previousKeys = ""): Keyring {
  const keys = new Map<string, Buffer>();
  for (const entry of previousKeys
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, hex] = entry.split(":");
    if (!id || !hex || !KEY_ID.test(id))
      throw new AppError("BAD_REQUEST", `previous key "${id ?? ""}" must look like id:64hex`);
    keys.set(id, parseKey(hex));
  }
  if (!KEY_ID.test(currentKeyId)) throw new AppError("BAD_REQUEST", "the key id must be 1-32 letters, digits, _ or -");
  keys.set(currentKeyId, parseKey(currentKey));
  return { currentKeyId, keys };
}

export function encryptSecret(keyring: Keyring, plaintext: string, associatedData = ""): string {
  const key = keyring.keys.get(keyring.currentKeyId) as Buffer;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(`${keyring.currentKeyId}|${associatedData}`));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", keyring.currentKeyId, iv, cipher.getAuthTag(), data]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export const ciphertextKeyId = (ciphertext: string) => ciphertext.split(".")[1];

export function decryptSecret(keyring: Keyring, ciphertext: string, associatedData = ""): string {
  const [version, keyId, iv, tag, data, ...rest] = ciphertext.split(".");
  if (version !== "v1" || !keyId || !iv || !tag || data === undefined || rest.length > 0) {
    throw new AppError("BAD_REQUEST", "not a Frontdesk ciphertext");
  }
  const key = keyring.keys.get(keyId);
  if (!key) throw new AppError("INTERNAL", `no encryption key with id "${keyId}" is configured`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(`${keyId}|${associatedData}`));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // GCM authentication failed: tampered data, wrong key or wrong associated data.
    throw new AppError("INTERNAL", "a stored secret failed its integrity check and was not decrypted");
  }
}

/** Re-encrypts under the current key; a no-op for values already on it. */
export function rotateSecret(keyring: Keyring, ciphertext: string, associatedData = ""): string {
  if (ciphertextKeyId(ciphertext) === keyring.currentKeyId) return ciphertext;
  return encryptSecret(keyring, decryptSecret(keyring, ciphertext, associatedData), associatedData);
}
