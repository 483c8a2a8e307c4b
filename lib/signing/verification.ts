import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { documentRevisions, documentSigners, signedDocuments, signerCertificates } from "@/db/schema";
import { sha256Hex, sqliteFileStore } from "@/lib/files/file-store";
import { agencyRootCertificate } from "./authority";
import { parseRevocationReason } from "./certificate-queries";
import { findSignatures, type FoundSignature } from "./verify-pdf";

/** Security classes whose content is never shown on the public page: only that the document is valid. */
const CONFIDENTIAL = new Set(["R", "SR"]);

export type PublicSigner = { sequence: number; name: string; nip: string; positionLabel: string; signedAt: Date | null; certificateStatus: "valid" | "revoked" | "unknown" };

export type PublicVerification =
  | { found: false }
  | {
      found: true;
      confidential: boolean;
      status: "signing" | "signed" | "cancelled";
      title: string | null;
      documentNumber: string | null;
      documentDate: string | null;
      signers: PublicSigner[];
      /** SHA-256 of the latest revision: the file a reader should hold. */
      finalSha256: string | null;
      downloadable: boolean;
    };

/**
 * What the QR code's page shows, without signing in. Rahasia and Sangat Rahasia documents reveal only
 * that the document exists and is validly signed, never its title, number or signers.
 */
export function publicVerification(db: Db, verificationId: string): PublicVerification {
  if (!/^[0-9a-f]{32}$/.test(verificationId)) return { found: false };
  const doc = db.select().from(signedDocuments).where(eq(signedDocuments.verificationId, verificationId)).get();
  if (!doc) return { found: false };
  const confidential = CONFIDENTIAL.has(doc.securityClass);
  const latest = db.select().from(documentRevisions).where(eq(documentRevisions.documentId, doc.id)).orderBy(asc(documentRevisions.sequence)).all().at(-1);
  const signers = db
    .select({ signer: documentSigners, certificateStatus: signerCertificates.status, revokedAt: signerCertificates.revokedAt })
    .from(documentSigners)
    .leftJoin(signerCertificates, eq(signerCertificates.id, documentSigners.certificateId))
    .where(eq(documentSigners.documentId, doc.id))
    .orderBy(asc(documentSigners.sequence))
    .all()
    .filter((row) => row.signer.status === "signed")
    .map(({ signer, certificateStatus, revokedAt }) => ({
      sequence: signer.sequence,
      name: signer.signerName ?? "",
      nip: signer.signerNip ?? "",
      positionLabel: signer.positionLabel ?? "",
      signedAt: signer.signedAt,
      // A revocation after the signature does not undo it; one before it means the signature is not trusted.
      certificateStatus: (certificateStatus === "revoked" && revokedAt && signer.signedAt && revokedAt <= signer.signedAt
        ? "revoked"
        : certificateStatus
          ? "valid"
          : "unknown") as PublicSigner["certificateStatus"],
    }));
  return {
    found: true,
    confidential,
    status: doc.status,
    title: confidential ? null : doc.title,
    documentNumber: confidential ? null : doc.documentNumber || null,
    documentDate: confidential ? null : doc.documentDate,
    signers: confidential ? [] : signers,
    finalSha256: latest?.fileSha256 ?? null,
    downloadable: !confidential && doc.status === "signed",
  };
}

/** The final signed file for the public download (never for Rahasia / Sangat Rahasia). */
export function publicSignedFile(db: Db, verificationId: string): Buffer | null {
  const verification = publicVerification(db, verificationId);
  if (!verification.found || !verification.downloadable || !verification.finalSha256) return null;
  return sqliteFileStore.get(db, verification.finalSha256)?.data ?? null;
}

export type UploadedSignatureCheck = FoundSignature & { certificateRevoked: boolean; knownToKawan: boolean };

export type UploadVerdict = {
  sha256: string;
  signatures: UploadedSignatureCheck[];
  /** The file is byte-for-byte a revision Kawan stored (and which document it belongs to). */
  issuedByKawan: { verificationId: string; sequence: number } | null;
  /** One plain verdict for the reader. */
  verdict: "valid" | "modified_after_signing" | "invalid" | "untrusted" | "revoked" | "no_signatures";
};

/**
 * Checks every signature of an uploaded PDF: digest, CMS signature, chain to this agency's root,
 * revocation, that the last signature covers the whole file, and whether Kawan issued this exact file.
 */
export function verifyUploadedPdf(db: Db, agencyId: number, pdf: Buffer): UploadVerdict {
  const sha256 = sha256Hex(pdf);
  const root = agencyRootCertificate(db, agencyId);
  const revision = db
    .select({ sequence: documentRevisions.sequence, verificationId: signedDocuments.verificationId })
    .from(documentRevisions)
    .innerJoin(signedDocuments, eq(signedDocuments.id, documentRevisions.documentId))
    .where(eq(documentRevisions.fileSha256, sha256))
    .get();
  const signatures = findSignatures(pdf, root).map((found) => {
    const cert = found.certificateSerialHex
      ? db
          .select({ status: signerCertificates.status, revokedAt: signerCertificates.revokedAt, reason: signerCertificates.revocationReason })
          .from(signerCertificates)
          .where(eq(signerCertificates.serialHex, found.certificateSerialHex))
          .get()
      : undefined;
    const revoked = !!cert && cert.status === "revoked" && !!cert.revokedAt;
    // B-B signatures carry no trusted timestamp: the time in the file is the signer's claim. A signature
    // made before revocation counts only when the file is one Kawan stored itself, or the key was not
    // compromised (a stolen key can back-date).
    const compromised = parseRevocationReason(cert?.reason ?? null)?.reason === "key_compromise";
    const claimedBefore = !!found.signingTime && !!cert?.revokedAt && found.signingTime < cert.revokedAt;
    const certificateRevoked = revoked && !(claimedBefore && (revision || !compromised));
    return { ...found, certificateRevoked, knownToKawan: !!cert };
  });
  let verdict: UploadVerdict["verdict"];
  if (signatures.length === 0) verdict = "no_signatures";
  else if (signatures.some((s) => !s.digestMatches || !s.signatureValid)) verdict = "invalid";
  else if (signatures.some((s) => !s.issuedByRoot)) verdict = "untrusted";
  else if (signatures.some((s) => s.certificateRevoked)) verdict = "revoked";
  else if (!signatures[signatures.length - 1].coversWholeFile) verdict = "modified_after_signing";
  else verdict = "valid";
  return { sha256, signatures, issuedByKawan: revision ?? null, verdict };
}
