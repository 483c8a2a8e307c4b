import "server-only";
import { and, eq } from "drizzle-orm";
import { signerCertificates } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { formatLocalDate } from "@/lib/i18n/format";
import { getAgency } from "@/lib/org/agency";
import { localDate } from "@/lib/time";
import { agencyRootCertificate } from "./authority";
import { currentCertificateOf, latestCertificateOf, type PublicCertificateRow, type SignerCertificateRow } from "./certificate-queries";
import { clearWrongPassphrases, lockedError, refuseWrongSecret, signingLockState, type SecretPurpose } from "./passphrase";
import { keyFromPassphrase, open } from "./secret-box";
import { localSignatureProvider, type SignatureProvider } from "./signature-provider";

export type UnlockedSigner = {
  certificate: PublicCertificateRow;
  provider: SignatureProvider;
  /** DER: the signer's certificate, then the agency root. */
  chain: Buffer[];
};

function agencyDate(ctx: Ctx, instant: Date): string {
  const timeZone = getAgency(ctx.db, ctx.actor.agencyId)?.timeZone ?? "Asia/Jakarta";
  return formatLocalDate(localDate(instant, timeZone), ctx.actor.locale);
}

/** Refuses (with a message saying what to do) unless the employee is free to try a secret now. */
export function assertSigningNotLocked(ctx: Ctx, purpose: SecretPurpose): void {
  const state = signingLockState(ctx.db, ctx.actor.employeeId, ctx.now);
  if (!state.locked) return;
  ctx.db.transaction((tx) =>
    writeAudit(tx, ctx, { action: "tte.locked_refused", entityType: "employee", entityId: ctx.actor.employeeId, after: { purpose, until: state.lockedUntil?.toISOString() } }),
  );
  throw lockedError(state);
}

/**
 * The actor's certificate that can sign now, or the reason it cannot, worded as guidance
 * (users' most frequent complaint is "certificate expired" with nothing about what to do).
 */
export function signingCertificate(ctx: Ctx): SignerCertificateRow {
  const current = currentCertificateOf(ctx.db, ctx.actor.employeeId);
  if (!current) {
    const latest = latestCertificateOf(ctx.db, ctx.actor.employeeId);
    if (latest?.status === "revoked") throw new DomainError("invalid", "tte.certificateRevoked", { date: agencyDate(ctx, latest.revokedAt ?? latest.createdAt) });
    throw new DomainError("not_found", "tte.noCertificate");
  }
  if (current.notAfter.getTime() <= ctx.now.getTime()) throw new DomainError("invalid", "tte.certificateExpired", { date: agencyDate(ctx, current.notAfter) });
  return current;
}

/**
 * Opens a certificate's sealed private key (PKCS#8) with the passphrase. A wrong passphrase is counted
 * toward the lockout and audited in its own transaction before the error is thrown. The caller clears
 * the count in the transaction that uses the key (clearWrongPassphrases) and zeroes the returned buffer.
 */
export async function openSigningKey(ctx: Ctx, cert: SignerCertificateRow, passphrase: string, purpose: SecretPurpose, field = "passphrase"): Promise<Buffer> {
  const kek = await keyFromPassphrase(passphrase, cert.passphraseSalt);
  const pkcs8 = open(kek, cert.sealedPrivateKey);
  kek.fill(0);
  if (!pkcs8) throw refuseWrongSecret(ctx, { secret: "passphrase", purpose, field, certificateId: cert.id });
  return pkcs8;
}

/**
 * The step every signature takes: check the lockout, find the actor's valid certificate, open its key
 * with the passphrase. Returns a signer over the key in memory and the chain to embed. The caller writes
 * the signature's own audit row.
 */
export async function unlockSigner(ctx: Ctx, passphrase: string): Promise<UnlockedSigner> {
  assertSigningNotLocked(ctx, "sign");
  const cert = signingCertificate(ctx);
  const rootDer = agencyRootCertificate(ctx.db, cert.agencyId);
  if (!rootDer) throw new Error(`agency ${cert.agencyId} has signer certificates but no CA`);
  const pkcs8 = await openSigningKey(ctx, cert, passphrase, "sign");
  try {
    const outcome = ctx.db.transaction((tx) => {
      // While the passphrase was being checked, a concurrent wrong attempt may have locked signing, or an
      // admin may have revoked the certificate: both win over this attempt.
      const lock = signingLockState(tx, ctx.actor.employeeId, ctx.now);
      if (lock.locked) return { refused: lockedError(lock) };
      const still = tx
        .select({ id: signerCertificates.id })
        .from(signerCertificates)
        .where(and(eq(signerCertificates.id, cert.id), eq(signerCertificates.status, "active")))
        .get();
      if (!still) return { refused: null };
      clearWrongPassphrases(tx, ctx.actor.employeeId);
      return { refused: undefined };
    });
    if (outcome.refused) throw outcome.refused;
    if (outcome.refused === null) {
      signingCertificate(ctx); // throws the revoked/expired/none message
      throw new DomainError("conflict", "errors.conflict"); // renewed meanwhile: sign with the new one
    }
    const chain = [cert.certificateDer, rootDer];
    const provider = localSignatureProvider(pkcs8, chain);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- key material stays out of the returned row
    const { sealedPrivateKey, passphraseSalt, ...certificate } = cert;
    return { certificate, provider, chain };
  } finally {
    pkcs8.fill(0);
  }
}
