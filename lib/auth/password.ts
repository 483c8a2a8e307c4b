import "server-only";
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from "node:crypto";

type ScryptCost = { N: number; r: number; p: number };

/** For passwords people choose: N=2^15, r=8, p=1, ~50-300 ms per hash on this hardware, 32 MiB of memory. */
export const CHOSEN_PASSWORD_COST: ScryptCost = { N: 32768, r: 8, p: 1 };

/**
 * For server-generated temporary passwords: a random 69-bit secret is hopeless to guess offline even at a
 * low cost, and the full cost would make a 5,000-row employee import take half an hour. The employee
 * replaces it at first sign-in, and that password gets the full cost.
 */
export const TEMPORARY_PASSWORD_COST: ScryptCost = { N: 1024, r: 8, p: 1 };

const KEY_LENGTH = 32;
const MAXMEM = 64 * 1024 * 1024;

// Encoded as scrypt$N$r$p$salt$hash (base64), so verifyPassword reads the cost and parameters can be raised later.
const encode = (cost: ScryptCost, salt: Buffer, hash: Buffer) =>
  ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64"), hash.toString("base64")].join("$");

export function hashPassword(password: string, cost = CHOSEN_PASSWORD_COST): string {
  const salt = randomBytes(16);
  return encode(cost, salt, scryptSync(password.normalize("NFKC"), salt, KEY_LENGTH, { ...cost, maxmem: MAXMEM }));
}

/** The same hash computed on libuv's thread pool, so hashing many does not block other requests. */
export function hashPasswordAsync(password: string, cost = CHOSEN_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { ...cost, maxmem: MAXMEM }, (error, hash) =>
      error ? reject(error) : resolve(encode(cost, salt, hash)),
    ),
  );
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
