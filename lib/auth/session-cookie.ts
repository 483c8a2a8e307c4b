import "server-only";
import { createDecipheriv, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

// Reading the session cookie without Auth.js's auth(): that call derives the cookie key with HKDF on every request
// and re-encrypts a fresh cookie each time (a sixth of a check-in's CPU in the 07.30 rush profile), to slide an
// expiry that means nothing here: the server-side session row expires 12 hours after sign-in whatever the cookie
// says. The cookie is the same Auth.js JWE (compact serialization, alg "dir", enc A256CBC-HS512, key from HKDF of
// the secret with the cookie name as salt). It is decrypted here with node:crypto, synchronously: jose goes
// through WebCrypto, whose promise jobs on the thread pool were a tenth of the server's CPU in the rush profile.
// RFC 7518 section 5.2.2.1: the 64-byte key is a 32-byte HMAC-SHA-512 key followed by a 32-byte AES-256-CBC key;
// the tag is the first 32 bytes of HMAC(AAD || IV || ciphertext || bit length of AAD as 64-bit big-endian), and
// AAD is the ASCII of the encoded protected header. The tag is checked (in constant time) before decrypting.

const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
const CLOCK_TOLERANCE_SECONDS = 15;
const keys = new Map<string, Buffer>();

function keyFor(secret: string, salt: string): Buffer {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) keys.set(id, (key = Buffer.from(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64))));
  return key;
}

/** The payload of a compact JWE (dir, A256CBC-HS512) under `key`, or null when it is not one or does not verify. */
function decryptJwe(token: string, key: Buffer): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[1] !== "") return null;
  const [encodedHeader, , encodedIv, encodedCiphertext, encodedTag] = parts;
  const header = JSON.parse(Buffer.from(encodedHeader, "base64url").toString("utf8")) as { alg?: unknown; enc?: unknown; zip?: unknown };
  if (header.alg !== "dir" || header.enc !== "A256CBC-HS512" || header.zip !== undefined) return null;
  const iv = Buffer.from(encodedIv, "base64url");
  const ciphertext = Buffer.from(encodedCiphertext, "base64url");
  const tag = Buffer.from(encodedTag, "base64url");
  if (iv.length !== 16 || tag.length !== 32 || ciphertext.length === 0 || ciphertext.length % 16 !== 0) return null;
  const aad = Buffer.from(encodedHeader, "ascii");
  const aadBits = Buffer.alloc(8);
  aadBits.writeBigUInt64BE(BigInt(aad.length * 8));
  const expected = createHmac("sha512", key.subarray(0, 32)).update(aad).update(iv).update(ciphertext).update(aadBits).digest().subarray(0, 32);
  if (!timingSafeEqual(expected, tag)) return null;
  const decipher = createDecipheriv("aes-256-cbc", key.subarray(32), iv);
  const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  const payload = JSON.parse(plaintext.toString("utf8")) as unknown;
  return payload && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>) : null;
}

/** The server-side session id in an Auth.js session cookie, or null when absent, forged, or expired. */
export async function sessionIdFromCookie(read: (name: string) => string | undefined, secret: string): Promise<string | null> {
  for (const name of COOKIE_NAMES) {
    const token = read(name);
    if (!token) continue;
    try {
      const payload = decryptJwe(token, keyFor(secret, name));
      if (!payload) return null;
      const now = Date.now() / 1000;
      if (typeof payload.exp !== "number" || payload.exp < now - CLOCK_TOLERANCE_SECONDS) return null;
      if (typeof payload.nbf === "number" && payload.nbf > now + CLOCK_TOLERANCE_SECONDS) return null;
      return typeof payload.sid === "string" ? payload.sid : null;
    } catch {
      return null;
    }
  }
  return null;
}
