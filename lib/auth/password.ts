import "server-only";
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

// scrypt parameters (N=2^15, r=8, p=1): ~50 ms per hash on this hardware, 32 MiB of memory.
const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAXMEM = 64 * 1024 * 1024;

/** Encoded as scrypt$N$r$p$salt$hash (base64) so parameters can be raised later without breaking old hashes. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize("NFKC"), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAXMEM });
  return ["scrypt", N, R, P, salt.toString("base64"), hash.toString("base64")].join("$");
}

export function verifyPassword(password: string, encoded: string): boolean {
  const [scheme, n, r, p, saltText, hashText] = encoded.split("$");
  if (scheme !== "scrypt" || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, "base64");
  const actual = scryptSync(password.normalize("NFKC"), Buffer.from(saltText, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return timingSafeEqual(actual, expected);
}

// A real hash to check against when the account does not exist, so both paths cost the same time.
let decoyHash: string | undefined;
export function spendPasswordCheckTime(password: string): void {
  decoyHash ??= hashPassword(randomBytes(12).toString("hex"));
  verifyPassword(password, decoyHash);
}

/** Rule for new passwords: at least 10 characters with a letter and a digit. Returns a message key or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return "password.tooShort";
  if (password.length > 200) return "password.tooLong";
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return "password.needsLetterAndDigit";
  return null;
}
