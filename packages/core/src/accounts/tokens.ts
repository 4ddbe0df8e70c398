import { createHash, randomBytes } from "node:crypto";

/** A secret for a link or key: the raw value goes to the person, only its hash is stored. */
export function newSecret(bytes = 32) {
  const raw = randomBytes(bytes).toString("base64url");
  return { raw, hash: hashSecret(raw) };
}

export const hashSecret = (raw: string) => createHash("sha256").update(raw).digest("hex");
