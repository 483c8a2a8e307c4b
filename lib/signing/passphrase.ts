import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { signingLockouts } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { verifyPassword } from "@/lib/auth/password";
import type { Ctx, Tx } from "@/lib/context";
import { DomainError } from "@/lib/errors";

// The signing passphrase guards the private key: the database holds the key sealed under a key derived
// from it, so anyone with a copy of the database can guess offline. The rule below refuses what a guesser
// tries first; scrypt (lib/signing/secret-box.ts) makes each offline guess cost ~0.1 s, and online the
// lockout below allows 5 guesses per 30 minutes.

export const PASSPHRASE_MIN_LENGTH = 8;
export const PASSPHRASE_MAX_LENGTH = 200;
export const MAX_WRONG_ATTEMPTS = 5;
export const LOCK_MINUTES = 30;

// Lower-cased. What people type when asked for "a passphrase", in Indonesian offices in particular.
const OBVIOUS = new Set([
  "12345678",
  "123456789",
  "1234567890",
  "87654321",
  "password",
  "password1",
  "password123",
  "passw0rd",
  "passphrase",
  "kawan123",
  "kawan1234",
  "kawankawan",
  "rahasia",
  "rahasia1",
  "rahasia123",
  "katasandi",
  "katasandi1",
  "katasandi123",
  "bismillah",
  "bismillah1",
  "bismillah123",
  "indonesia",
  "indonesia1",
  "indonesia123",
  "qwertyui",
  "qwerty123",
  "qwertyuiop",
  "asdfghjk",
  "abcdefgh",
  "abcd1234",
  "1234abcd",
  "aaaaaaaa",
  "iloveyou",
  "admin123",
  "administrator",
  "tte12345",
  "ttesaya123",
  "tandatangan",
  "pemkab123",
  "pemda123",
]);

export type PassphraseHolder = {
  nip: string;
  nik?: string | null;
  email?: string | null;
  name?: string;
  /** The login password hash: a passphrase equal to the login password is refused. */
  passwordHash?: string;
};

const squash = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

function isRunOfOneCharacter(p: string): boolean {
  return [...p].every((c) => c === p[0]);
}

/** "12345678", "abcdefgh", "98765432": each character one step from the previous. */
function isSequence(p: string): boolean {
  const codes = [...p].map((c) => c.codePointAt(0)!);
  const step = codes[1] - codes[0];
  return (step === 1 || step === -1) && codes.every((c, i) => i === 0 || c - codes[i - 1] === step);
}

/**
 * Why a new signing passphrase is refused (a message key), or null. Checks against the holder's
 * identifiers and login password when given: a passphrase that equals the login password gives whoever
 * learns one both, and the whole point is a second secret under the signer's sole control.
 */
export function passphraseProblem(passphrase: string, holder?: PassphraseHolder): string | null {
  const p = passphrase.normalize("NFKC");
  if ([...p].length < PASSPHRASE_MIN_LENGTH) return "tte.passphrase.tooShort";
  if (p.length > PASSPHRASE_MAX_LENGTH) return "tte.passphrase.tooLong";
  if (/^\d+$/.test(squash(p))) return "tte.passphrase.allDigits"; // also "1234 5678", "0812-3456-7890"
  const lower = p.toLowerCase();
  if (OBVIOUS.has(lower) || OBVIOUS.has(squash(p)) || isRunOfOneCharacter(lower) || isSequence(lower)) return "tte.passphrase.tooSimple";
  if (holder) {
    const own = [holder.nip, holder.nik ?? "", holder.email ?? "", (holder.email ?? "").split("@")[0], holder.name ?? ""]
      .map(squash)
      .filter((s) => s.length > 0);
    if (own.includes(squash(p))) return "tte.passphrase.isIdentifier";
    if (holder.passwordHash && verifyPassword(passphrase, holder.passwordHash)) return "tte.passphrase.sameAsPassword";
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Lockout: five wrong secrets in a row (signing passphrase, or the login password asked again before
// enrolment) lock that employee's signing for 30 minutes. At the lock the counter starts again, so each
// lock period allows at most five guesses.

type Reader = Db | Tx;

export type SigningLockState = { locked: boolean; lockedUntil: Date | null; failedAttempts: number; minutesLeft: number };

export function signingLockState(db: Reader, employeeId: number, now: Date): SigningLockState {
  const row = db.select().from(signingLockouts).where(eq(signingLockouts.employeeId, employeeId)).get();
  const lockedUntil = row?.lockedUntil && row.lockedUntil.getTime() > now.getTime() ? row.lockedUntil : null;
  return {
    locked: lockedUntil !== null,
    lockedUntil,
    failedAttempts: lockedUntil ? 0 : (row?.failedAttempts ?? 0),
    minutesLeft: lockedUntil ? Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000) : 0,
  };
}

export function lockedError(state: Pick<SigningLockState, "minutesLeft">): DomainError {
  return new DomainError("throttled", "tte.locked", { minutes: Math.max(1, state.minutesLeft) });
}

export function assertNotLocked(db: Reader, employeeId: number, now: Date): void {
  const state = signingLockState(db, employeeId, now);
  if (state.locked) throw lockedError(state);
}

export type WrongAttemptResult = { failedAttempts: number; remaining: number; lockedUntil: Date | null; justLocked: boolean };

/** Counts one wrong secret; the fifth in a row locks for 30 minutes. Call inside the transaction that audits it. */
export function recordWrongPassphrase(tx: Tx, employeeId: number, now: Date): WrongAttemptResult {
  const current = signingLockState(tx, employeeId, now);
  // Already locked (a concurrent attempt got there first): the lock stands as it is, not extended.
  if (current.locked) return { failedAttempts: MAX_WRONG_ATTEMPTS, remaining: 0, lockedUntil: current.lockedUntil, justLocked: false };
  const failedAttempts = current.failedAttempts + 1;
  const lockedUntil = failedAttempts >= MAX_WRONG_ATTEMPTS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
  const values = { failedAttempts: lockedUntil ? 0 : failedAttempts, lockedUntil };
  tx.insert(signingLockouts)
    .values({ employeeId, ...values })
    .onConflictDoUpdate({ target: signingLockouts.employeeId, set: values })
    .run();
  return { failedAttempts, remaining: Math.max(0, MAX_WRONG_ATTEMPTS - failedAttempts), lockedUntil, justLocked: lockedUntil !== null };
}

/** After a right secret: the run of wrong ones is over. */
export function clearWrongPassphrases(tx: Tx, employeeId: number): void {
  tx.update(signingLockouts)
    .set({ failedAttempts: 0 })
    .where(sql`${signingLockouts.employeeId} = ${employeeId} AND ${signingLockouts.failedAttempts} > 0`)
    .run();
}

export type SecretPurpose = "sign" | "renew" | "change_passphrase" | "enrol" | "revoke_own";

/**
 * Records a wrong secret with its audit rows in one transaction, then returns the error to throw: the
 * remaining attempts, or the lock. Returned rather than thrown inside the transaction, which would roll
 * the count back. `field` is the form field to mark.
 */
export function refuseWrongSecret(
  ctx: Ctx,
  input: { secret: "passphrase" | "login_password"; purpose: SecretPurpose; field: string; certificateId?: number | null },
): DomainError {
  const employeeId = ctx.actor.employeeId;
  const result = ctx.db.transaction((tx) => {
    const r = recordWrongPassphrase(tx, employeeId, ctx.now);
    const entity = input.certificateId ? { entityType: "signer_certificate", entityId: input.certificateId } : { entityType: "employee", entityId: employeeId };
    writeAudit(tx, ctx, {
      action: input.secret === "passphrase" ? "tte.passphrase_wrong" : "tte.password_wrong",
      ...entity,
      after: { purpose: input.purpose, attempt: r.failedAttempts, locked: r.lockedUntil !== null },
    });
    if (r.justLocked && r.lockedUntil) {
      writeAudit(tx, ctx, { action: "tte.locked", entityType: "employee", entityId: employeeId, after: { until: r.lockedUntil.toISOString(), minutes: LOCK_MINUTES } });
    }
    return r;
  });
  if (result.lockedUntil) return lockedError({ minutesLeft: Math.ceil((result.lockedUntil.getTime() - ctx.now.getTime()) / 60_000) });
  const key = input.secret === "passphrase" ? "tte.wrongPassphrase" : "tte.wrongLoginPassword";
  return new DomainError("invalid", key, { remaining: result.remaining }, { [input.field]: `${key}Field` });
}
