// next-auth v4's session cookie format (a JWE: dir + A256GCM, key derived from NEXTAUTH_SECRET
// with HKDF), so a test can read its own session and re-sign it with other claims (an old
// sign-in time, an old version) as only someone holding the secret could.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from "node:crypto";

const key = (secret: string) => Buffer.from(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
const header = Buffer.from(JSON.stringify({ alg: "dir", enc: "A256GCM" })).toString("base64url");

export function decodeSession(token: string, secret: string): Record<string, unknown> {
  const [protectedHeader = "", , iv = "", ciphertext = "", tag = ""] = token.split(".");
  const decipher = createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(protectedHeader, "ascii"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
  return JSON.parse(plain.toString("utf8"));
}

export function encodeSession(claims: Record<string, unknown>, secret: string, maxAgeSeconds = 12 * 60 * 60) {
  const now = Math.floor(Date.now() / 1000);
  const payload = JSON.stringify({ ...claims, iat: now, exp: now + maxAgeSeconds, jti: randomUUID() });
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  cipher.setAAD(Buffer.from(header, "ascii"));
  const ciphertext = Buffer.concat([cipher.update(payload, "utf8"), cipher.final()]);
  return [
    header,
    "",
    iv.toString("base64url"),
    ciphertext.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
  ].join(".");
}
