import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { ciphertextKeyId, createKeyring, decryptSecret, encryptSecret, rotateSecret } from "./index";

const k1 = "11".repeat(32);
const k2 = "22".repeat(32);

describe("tenant secret encryption", () => {
  const keyring = createKeyring("k1", k1);

  it("round-trips and never reuses an IV", () => {
    const a = encryptSecret(keyring, "twilio-auth-token", "clinic-a");
    const b = encryptSecret(keyring, "twilio-auth-token", "clinic-a");
    expect(a).not.toBe(b);
    expect(a).not.toContain("twilio-auth-token");
    expect(decryptSecret(keyring, a, "clinic-a")).toBe("twilio-auth-token");
    expect(ciphertextKeyId(a)).toBe("k1");
  });

  it("rejects tampered ciphertext instead of returning garbage", () => {
    const value = encryptSecret(keyring, "secret", "clinic-a");
    const parts = value.split(".");
    const data = Buffer.from(parts[4] as string, "base64url");
    data[0] = (data[0] as number) ^ 0x01;
    parts[4] = data.toString("base64url");
    expect(() => decryptSecret(keyring, parts.join("."), "clinic-a")).toThrow(AppError);
    expect(() => decryptSecret(keyring, parts.join("."), "clinic-a")).toThrow(/integrity/);
  });

  it("rejects a tampered key id, auth tag or a value moved to another clinic", () => {
    const value = encryptSecret(keyring, "secret", "clinic-a");
    expect(() => decryptSecret(keyring, value, "clinic-b")).toThrow(/integrity/);
    const [v, id, iv, , data] = value.split(".");
    const otherTag = Buffer.alloc(16).toString("base64url");
    expect(() => decryptSecret(keyring, [v, id, iv, otherTag, data].join("."), "clinic-a")).toThrow(/integrity/);
    expect(() => decryptSecret(keyring, value.replace(".k1.", ".k9."), "clinic-a")).toThrow(
      /no encryption key with id "k9"/,
    );
    expect(() => decryptSecret(keyring, "not-a-ciphertext")).toThrow(/not a Frontdesk ciphertext/);
  });

  it("rotates: old values stay readable and are re-encrypted under the new key", () => {
    const old = encryptSecret(keyring, "refresh-token", "clinic-a");
    const rotated = createKeyring("k2", k2, `k1:${k1}`);
    expect(decryptSecret(rotated, old, "clinic-a")).toBe("refresh-token");
    const renewed = rotateSecret(rotated, old, "clinic-a");
    expect(ciphertextKeyId(renewed)).toBe("k2");
    expect(decryptSecret(createKeyring("k2", k2), renewed, "clinic-a")).toBe("refresh-token");
    expect(rotateSecret(rotated, renewed, "clinic-a")).toBe(renewed);
  });

  it("refuses malformed keys", () => {
    expect(() => createKeyring("k1", "abc")).toThrow(/64 hex/);
    expect(() => createKeyring("bad id!", k1)).toThrow(/key id/);
    expect(() => createKeyring("k2", k2, "k1")).toThrow(/id:64hex/);
  });
});
