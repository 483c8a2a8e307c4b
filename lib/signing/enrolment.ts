import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, lte, ne } from "drizzle-orm";
import { agencies, employees, signerCertificates } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { ActorAssignment } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { can } from "@/lib/auth/permissions";
import type { Ctx, Tx } from "@/lib/context";
import { DomainError, forbidden, invalid, notFound } from "@/lib/errors";
import { addYears, ensureAgencyAuthority, wholeSeconds } from "./authority";
import { exportPkcs8, generateSigningKeyPair, issueCertificate, newSerialNumber, serialHex, type DistinguishedName } from "./certificates";
import {
  currentCertificateOf,
  formatRevocationReason,
  latestCertificateOf,
  REVOCATION_REASONS,
  type RevocationReason,
  type SignerCertificateRow,
} from "./certificate-queries";
import { clearWrongPassphrases, passphraseProblem, refuseWrongSecret } from "./passphrase";
import { keyFromPassphrase, seal } from "./secret-box";
import { assertSigningNotLocked, openSigningKey } from "./unlock-signer";

/**
 * Default validity of a signer certificate. A constant for now (the issue's default); an agency setting
 * can replace it without touching callers, which may already pass `validityYears`.
 */
export const DEFAULT_VALIDITY_YEARS = 2;
export const MAX_VALIDITY_YEARS = 5;
export const REVOCATION_NOTE_MAX = 300;

// Certificates start 5 minutes in the past so that a reader whose clock runs a little behind does not
// see a fresh signature as made before the certificate existed.
const BACKDATE_MS = 5 * 60_000;

type Employee = typeof employees.$inferSelect;

function holderOf(ctx: Ctx): Employee {
  const me = ctx.db.select().from(employees).where(eq(employees.id, ctx.actor.employeeId)).get();
  if (!me || !me.active) throw notFound();
  return me;
}

/** The position as the certificate names it: "Kepala Dinas", or "Plt. Kepala Dinas" when acting. */
export function certificatePositionTitle(acting: Pick<ActorAssignment, "kind" | "positionName"> | null): string {
  if (!acting) return "";
  const prefix = acting.kind === "plt" ? "Plt. " : acting.kind === "plh" ? "Plh. " : "";
  return `${prefix}${acting.positionName}`;
}

/** The subject of the actor's certificate: name with titles, NIP, the post they act in now, unit, agency. */
function subjectFor(ctx: Ctx, agencyName: string): DistinguishedName {
  const acting = ctx.actor.acting;
  return {
    commonName: ctx.actor.displayName,
    serialNumber: ctx.actor.nip,
    title: certificatePositionTitle(acting) || undefined,
    organizationalUnit: acting?.unitName,
    organization: agencyName,
  };
}

/** Checks a new passphrase and its confirmation; field errors under the given field names. */
function assertNewPassphrase(
  holder: Employee,
  passphrase: string,
  confirmation: string,
  fields: { passphrase: string; confirm: string },
  options: { checkLoginPassword: boolean },
): void {
  const problem = passphraseProblem(passphrase, {
    nip: holder.nip,
    nik: holder.nik,
    email: holder.email,
    name: holder.name,
    passwordHash: options.checkLoginPassword ? holder.passwordHash : undefined,
  });
  const errors: Record<string, string> = {};
  if (problem) errors[fields.passphrase] = problem;
  if (passphrase !== confirmation) errors[fields.confirm] = "tte.passphraseMismatch";
  if (Object.keys(errors).length > 0) throw invalid(errors);
}

type Issued = { certificateDer: Buffer; serialHex: string; sealedPrivateKey: string; passphraseSalt: Buffer; notBefore: Date; notAfter: Date; subject: DistinguishedName };

/** The slow part of enrolment and renewal, all before any transaction: key pair, certificate, sealing. */
async function issueSignerCertificate(ctx: Ctx, passphrase: string, validityYears: number): Promise<Issued> {
  const agency = ctx.db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, ctx.actor.agencyId)).get();
  if (!agency) throw notFound();
  const authority = await ensureAgencyAuthority(ctx.db, agency, ctx.now, ctx.request);
  const keys = await generateSigningKeyPair();
  const notBefore = wholeSeconds(new Date(ctx.now.getTime() - BACKDATE_MS));
  const wanted = addYears(notBefore, validityYears);
  // Never beyond the root: a chain is only as valid as its shortest link.
  const notAfter = wanted.getTime() < authority.notAfter.getTime() ? wanted : wholeSeconds(authority.notAfter);
  const subject = subjectFor(ctx, agency.name);
  const certificateDer = await issueCertificate({
    subject,
    subjectPublicKey: keys.publicKey,
    serialNumber: newSerialNumber(),
    notBefore,
    notAfter,
    issuer: { certificateDer: authority.certificateDer, privateKey: authority.privateKey },
  });
  const passphraseSalt = randomBytes(16);
  const kek = await keyFromPassphrase(passphrase, passphraseSalt);
  const pkcs8 = await exportPkcs8(keys.privateKey);
  const sealedPrivateKey = seal(kek, pkcs8);
  pkcs8.fill(0);
  kek.fill(0);
  return { certificateDer, serialHex: serialHex(certificateDer), sealedPrivateKey, passphraseSalt, notBefore, notAfter, subject };
}

function insertCertificate(tx: Tx, ctx: Ctx, issued: Issued): number {
  return tx
    .insert(signerCertificates)
    .values({
      agencyId: ctx.actor.agencyId,
      employeeId: ctx.actor.employeeId,
      serialHex: issued.serialHex,
      certificateDer: issued.certificateDer,
      sealedPrivateKey: issued.sealedPrivateKey,
      passphraseSalt: issued.passphraseSalt,
      notBefore: issued.notBefore,
      notAfter: issued.notAfter,
      status: "active",
      createdAt: ctx.now,
    })
    .returning({ id: signerCertificates.id })
    .get().id;
}

const issuedSnapshot = (issued: Issued) => ({
  serial: issued.serialHex,
  subject: issued.subject,
  notBefore: issued.notBefore.toISOString(),
  notAfter: issued.notAfter.toISOString(),
});

function validYears(years: number | undefined): number {
  const y = years ?? DEFAULT_VALIDITY_YEARS;
  if (!Number.isInteger(y) || y < 1 || y > MAX_VALIDITY_YEARS) throw invalid({ validityYears: "tte.validityYears" });
  return y;
}

/** A valid certificate (active, not yet expired) of the employee, inside or outside a transaction. */
function validCertificate(tx: Tx | Ctx["db"], employeeId: number, now: Date) {
  return tx
    .select({ id: signerCertificates.id })
    .from(signerCertificates)
    .where(and(eq(signerCertificates.employeeId, employeeId), eq(signerCertificates.status, "active"), gt(signerCertificates.notAfter, now)))
    .get();
}

export type EnrolInput = {
  /** The login password, asked again: a stolen session alone must not be able to obtain a certificate. */
  loginPassword: string;
  passphrase: string;
  confirmPassphrase: string;
  validityYears?: number;
};

export type EnrolResult = { certificateId: number; serialHex: string; notAfter: Date };

/**
 * Enrols the actor (only themself): a new RSA 3072 key pair and a certificate from the agency CA, the
 * private key sealed under their signing passphrase, which is never stored or logged. Refused while they
 * hold a valid certificate (renew that instead). An expired certificate they still hold is superseded.
 */
export async function enrol(ctx: Ctx, input: EnrolInput): Promise<EnrolResult> {
  const years = validYears(input.validityYears);
  assertSigningNotLocked(ctx, "enrol");
  const holder = holderOf(ctx);
  if (validCertificate(ctx.db, holder.id, ctx.now)) throw new DomainError("conflict", "tte.alreadyEnrolled");
  assertNewPassphrase(holder, input.passphrase, input.confirmPassphrase, { passphrase: "passphrase", confirm: "confirmPassphrase" }, { checkLoginPassword: false });
  if (!verifyPassword(input.loginPassword, holder.passwordHash)) {
    throw refuseWrongSecret(ctx, { secret: "login_password", purpose: "enrol", field: "loginPassword" });
  }
  // The login password was just proven, so this comparison replaces a second scrypt of the hash.
  if (input.passphrase.normalize("NFKC") === input.loginPassword.normalize("NFKC")) throw invalid({ passphrase: "tte.passphrase.sameAsPassword" });

  const issued = await issueSignerCertificate(ctx, input.passphrase, years);
  const certificateId = ctx.db.transaction((tx) => {
    if (validCertificate(tx, holder.id, ctx.now)) throw new DomainError("conflict", "tte.alreadyEnrolled");
    const expired = tx
      .select({ id: signerCertificates.id, serialHex: signerCertificates.serialHex })
      .from(signerCertificates)
      .where(and(eq(signerCertificates.employeeId, holder.id), eq(signerCertificates.status, "active"), lte(signerCertificates.notAfter, ctx.now)))
      .all();
    const id = insertCertificate(tx, ctx, issued);
    for (const old of expired) {
      tx.update(signerCertificates).set({ status: "superseded" }).where(eq(signerCertificates.id, old.id)).run();
      writeAudit(tx, ctx, { action: "certificate.superseded", entityType: "signer_certificate", entityId: old.id, before: { status: "active" }, after: { status: "superseded", by: id } });
    }
    clearWrongPassphrases(tx, holder.id);
    writeAudit(tx, ctx, { action: "certificate.issued", entityType: "signer_certificate", entityId: id, after: issuedSnapshot(issued) });
    return id;
  });
  return { certificateId, serialHex: issued.serialHex, notAfter: issued.notAfter };
}

/** The actor's current certificate for renewal or a passphrase change, with guidance when there is none. */
function heldCertificate(ctx: Ctx): SignerCertificateRow {
  const current = currentCertificateOf(ctx.db, ctx.actor.employeeId);
  if (current) return current;
  const latest = latestCertificateOf(ctx.db, ctx.actor.employeeId);
  throw new DomainError("not_found", latest?.status === "revoked" ? "tte.revokedEnrolAgain" : "tte.noCertificate");
}

export type RenewInput = {
  /** The current passphrase: renewal proves control of the current key. */
  passphrase: string;
  /** Optional: seal the new key under a new passphrase instead. */
  newPassphrase?: string;
  confirmNewPassphrase?: string;
  validityYears?: number;
};

/**
 * Issues the actor a new certificate with a new key (also to bring name, post and unit up to date) and
 * marks the current one superseded. Works on an expired certificate too; a revoked one needs enrolment.
 */
export async function renew(ctx: Ctx, input: RenewInput): Promise<EnrolResult> {
  const years = validYears(input.validityYears);
  assertSigningNotLocked(ctx, "renew");
  const holder = holderOf(ctx);
  const current = heldCertificate(ctx);
  const newPassphrase = input.newPassphrase ? input.newPassphrase : undefined;
  if (newPassphrase) {
    assertNewPassphrase(holder, newPassphrase, input.confirmNewPassphrase ?? "", { passphrase: "newPassphrase", confirm: "confirmNewPassphrase" }, { checkLoginPassword: true });
  }
  const pkcs8 = await openSigningKey(ctx, current, input.passphrase, "renew");
  pkcs8.fill(0); // only the proof of control was needed

  const issued = await issueSignerCertificate(ctx, newPassphrase ?? input.passphrase, years);
  const certificateId = ctx.db.transaction((tx) => {
    const superseded = tx
      .update(signerCertificates)
      .set({ status: "superseded" })
      .where(and(eq(signerCertificates.id, current.id), eq(signerCertificates.status, "active")))
      .run();
    // Revoked or renewed by a concurrent request meanwhile: this renewal must not resurrect anything.
    if (superseded.changes !== 1) throw new DomainError("conflict", "errors.conflict");
    const id = insertCertificate(tx, ctx, issued);
    clearWrongPassphrases(tx, holder.id);
    writeAudit(tx, ctx, {
      action: "certificate.renewed",
      entityType: "signer_certificate",
      entityId: id,
      before: { certificateId: current.id, serial: current.serialHex, notAfter: current.notAfter.toISOString() },
      after: { ...issuedSnapshot(issued), passphraseChanged: newPassphrase !== undefined },
    });
    return id;
  });
  return { certificateId, serialHex: issued.serialHex, notAfter: issued.notAfter };
}

export type ChangePassphraseInput = { oldPassphrase: string; newPassphrase: string; confirm: string };

/** Re-seals the same private key under a new passphrase. A wrong old passphrase counts toward the lockout. */
export async function changePassphrase(ctx: Ctx, input: ChangePassphraseInput): Promise<void> {
  assertSigningNotLocked(ctx, "change_passphrase");
  const holder = holderOf(ctx);
  const current = heldCertificate(ctx);
  assertNewPassphrase(holder, input.newPassphrase, input.confirm, { passphrase: "newPassphrase", confirm: "confirm" }, { checkLoginPassword: true });
  if (input.newPassphrase.normalize("NFKC") === input.oldPassphrase.normalize("NFKC")) throw invalid({ newPassphrase: "tte.passphrase.sameAsOld" });

  const pkcs8 = await openSigningKey(ctx, current, input.oldPassphrase, "change_passphrase", "oldPassphrase");
  const passphraseSalt = randomBytes(16);
  const kek = await keyFromPassphrase(input.newPassphrase, passphraseSalt);
  const sealedPrivateKey = seal(kek, pkcs8);
  kek.fill(0);
  pkcs8.fill(0);

  ctx.db.transaction((tx) => {
    const updated = tx
      .update(signerCertificates)
      .set({ sealedPrivateKey, passphraseSalt })
      .where(and(eq(signerCertificates.id, current.id), eq(signerCertificates.status, "active"), eq(signerCertificates.sealedPrivateKey, current.sealedPrivateKey)))
      .run();
    if (updated.changes !== 1) throw new DomainError("conflict", "errors.conflict");
    clearWrongPassphrases(tx, holder.id);
    writeAudit(tx, ctx, { action: "certificate.passphrase_changed", entityType: "signer_certificate", entityId: current.id, after: { serial: current.serialHex } });
  });
}

export type RevokeInput = {
  certificateId: number;
  reason: RevocationReason;
  /** Required when reason is "other". */
  note?: string;
  /** The holder's login password: required when a holder without certificate.manage revokes their own. */
  loginPassword?: string;
};

/**
 * Revokes a certificate: by a certificate manager of the same agency, or by its holder (key lost or
 * passphrase forgotten). Revoked is final. Active, expired and superseded certificates can all be
 * revoked: a leaked key makes the signatures it made earlier suspect too.
 */
export function revokeCertificate(ctx: Ctx, input: RevokeInput): { certificateId: number } {
  const cert = ctx.db
    .select({ id: signerCertificates.id, agencyId: signerCertificates.agencyId, employeeId: signerCertificates.employeeId, status: signerCertificates.status, serialHex: signerCertificates.serialHex })
    .from(signerCertificates)
    .where(eq(signerCertificates.id, input.certificateId))
    .get();
  if (!cert) throw notFound();
  const isHolder = cert.employeeId === ctx.actor.employeeId && cert.agencyId === ctx.actor.agencyId;
  const isManager = can(ctx.actor, "certificate.manage", cert);
  if (!isHolder && !isManager) throw forbidden();

  const note = (input.note ?? "").trim();
  if (!REVOCATION_REASONS.includes(input.reason)) throw invalid({ reason: "certificates.reasonRequired" });
  if (input.reason === "other" && !note) throw invalid({ note: "certificates.noteRequired" });
  if (note.length > REVOCATION_NOTE_MAX) throw invalid({ note: "validation.tooLong" });
  if (cert.status === "revoked") throw new DomainError("conflict", "certificates.alreadyRevoked");

  if (isHolder && (!isManager || input.loginPassword !== undefined)) {
    assertSigningNotLocked(ctx, "revoke_own");
    if (!input.loginPassword || !verifyPassword(input.loginPassword, holderOf(ctx).passwordHash)) {
      throw refuseWrongSecret(ctx, { secret: "login_password", purpose: "revoke_own", field: "loginPassword", certificateId: cert.id });
    }
  }

  const revocationReason = formatRevocationReason(input.reason, note);
  ctx.db.transaction((tx) => {
    const done = tx
      .update(signerCertificates)
      .set({ status: "revoked", revokedAt: ctx.now, revocationReason })
      .where(and(eq(signerCertificates.id, cert.id), ne(signerCertificates.status, "revoked")))
      .run();
    if (done.changes !== 1) throw new DomainError("conflict", "certificates.alreadyRevoked");
    if (isHolder) clearWrongPassphrases(tx, ctx.actor.employeeId);
    writeAudit(tx, ctx, {
      action: "certificate.revoked",
      entityType: "signer_certificate",
      entityId: cert.id,
      agencyId: cert.agencyId,
      before: { status: cert.status },
      after: { status: "revoked", reason: input.reason, note: note || undefined, serial: cert.serialHex, holderEmployeeId: cert.employeeId, by: isHolder ? "holder" : "manager" },
    });
  });
  return { certificateId: cert.id };
}

/** "Cabut dan daftar ulang": the holder revokes their current certificate, e.g. after forgetting the passphrase. */
export function revokeOwnCertificate(ctx: Ctx, input: Omit<RevokeInput, "certificateId"> & { loginPassword: string }): { certificateId: number } {
  const current = currentCertificateOf(ctx.db, ctx.actor.employeeId);
  if (!current) throw new DomainError("not_found", "tte.noCertificate");
  return revokeCertificate(ctx, { ...input, certificateId: current.id });
}
