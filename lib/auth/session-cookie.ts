import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";

// Reading the session cookie without Auth.js's auth(): that call derives the cookie key with HKDF on every request
// and re-encrypts a fresh cookie each time (a sixth of a check-in's CPU in the 07.30 rush profile), to slide an
// expiry that means nothing here: the server-side session row expires 12 hours after sign-in whatever the cookie
// says. The cookie is the same Auth.js JWE (dir + A256CBC-HS512, key from HKDF of the secret with the cookie name
// as salt), decrypted and checked (expiry included) by jose with a key derived once per secret and cookie name.

const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
const keys = new Map<string, Uint8Array>();

function keyFor(secret: string, salt: string): Uint8Array {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) keys.set(id, (key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64))));
  return key;
}

/** The server-side session id in an Auth.js session cookie, or null when absent, forged, or expired. */
export async function sessionIdFromCookie(read: (name: string) => string | undefined, secret: string): Promise<string | null> {
  for (const name of COOKIE_NAMES) {
    const token = read(name);
    if (!token) continue;
    try {
      const { payload } = await jwtDecrypt(token, keyFor(secret, name), { clockTolerance: 15, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256CBC-HS512"] });
      return typeof payload.sid === "string" ? payload.sid : null;
    } catch {
      return null;
    }
  }
  return null;
}
