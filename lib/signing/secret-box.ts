import "server-only";
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from "node:crypto";

/**
 * AES-256-GCM sealing of private keys. Output: "v1.<iv>.<tag>.<ciphertext>" in base64url. GCM's tag makes a
 * wrong key (wrong passphrase) fail loudly instead of yielding garbage.
 */
export function seal(key: Buffer, plaintext: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** Returns null when the key is wrong or the box was tampered with. */
export function open(key: Buffer, sealed: string): Buffer | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
  } catch {
    return null;
  }
}

// scrypt N=2^15: ~50-300 ms per signature on this hardware; the passphrase is typed for every signature.
const PASSPHRASE_COST = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** Key-encryption key from a signing passphrase, on the thread pool so it does not block other requests. */
export function keyFromPassphrase(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize("NFKC"), salt, 32, PASSPHRASE_COST, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
