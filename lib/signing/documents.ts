import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, max } from "drizzle-orm";
import { agencies, documentRevisions, documentSigners, employees, signedDocuments, type SECURITY_CLASSES } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { DomainError, forbidden, invalid, notFound } from "@/lib/errors";
import { sqliteFileStore } from "@/lib/files/file-store";
import { formatNip } from "@/lib/org/nip";
import type { Placement } from "./pdf-incremental";
import { maxPdfBytes, PdfInputError, MAX_PDF_PAGES } from "./pdf-input";
import { checkUploadedPdf } from "@/lib/files/pdf-safety";
import { signPdf } from "./sign-pdf";
import { signedAtLabel, signingPositionLabel } from "./signature-block";
import { unlockSigner } from "./unlock-signer";

export type SecurityClass = (typeof SECURITY_CLASSES)[number];

/** The PdfInputError of an upload as a DomainError on the "file" field, with its numbers filled in. */
function pdfProblem(error: PdfInputError): DomainError {
  return new DomainError("invalid", error.messageKey, { maxMb: Math.round(maxPdfBytes() / 1048576), maxPages: MAX_PDF_PAGES }, { file: error.messageKey });
}

const latestRevision = (ctx: Pick<Ctx, "db">, documentId: number) =>
  ctx.db.select().from(documentRevisions).where(eq(documentRevisions.documentId, documentId)).orderBy(desc(documentRevisions.sequence)).get();

/**
 * Starts signing an uploaded PDF: the original is stored as revision 1 and the signers (the uploader
 * may be one of them) are queued in the given order. The verification id exists before anyone signs,
 * because every QR code points to it.
 */
export async function createSigningDocument(
  ctx: Ctx,
  input: { title: string; pdf: Buffer; signerEmployeeIds: number[]; securityClass: SecurityClass; documentNumber?: string; documentDate?: string | null },
): Promise<{ documentId: number; verificationId: string }> {
  try {
    await checkUploadedPdf(input.pdf);
  } catch (error) {
    if (error instanceof PdfInputError) throw pdfProblem(error);
    throw error;
  }
  const signerIds = [...new Set(input.signerEmployeeIds)];
  if (signerIds.length === 0) throw invalid({ signers: "signing.noSigners" });
  if (signerIds.length !== input.signerEmployeeIds.length) throw invalid({ signers: "signing.duplicateSigner" });
  const found = ctx.db
    .select({ id: employees.id, agencyId: employees.agencyId, active: employees.active })
    .from(employees)
    .where(inArray(employees.id, signerIds))
    .all();
  if (found.length !== signerIds.length || found.some((e) => e.agencyId !== ctx.actor.agencyId || !e.active)) throw invalid({ signers: "signing.unknownSigner" });

  const verificationId = randomBytes(16).toString("hex");
  const documentId = ctx.db.transaction((tx) => {
    const doc = tx
      .insert(signedDocuments)
      .values({
        agencyId: ctx.actor.agencyId,
        verificationId,
        title: input.title,
        documentNumber: input.documentNumber ?? "",
        documentDate: input.documentDate ?? null,
        securityClass: input.securityClass,
        ownerEmployeeId: ctx.actor.employeeId,
        createdAt: ctx.now,
      })
      .returning({ id: signedDocuments.id })
      .get();
    const fileSha256 = sqliteFileStore.put(tx, { data: input.pdf, mediaType: "application/pdf" }, ctx.now);
    tx.insert(documentRevisions).values({ documentId: doc.id, sequence: 1, fileSha256, kind: "original", createdByEmployeeId: ctx.actor.employeeId, createdAt: ctx.now }).run();
    signerIds.forEach((signerEmployeeId, i) => tx.insert(documentSigners).values({ documentId: doc.id, sequence: i + 1, signerEmployeeId }).run());
    writeAudit(tx, ctx, {
      action: "signing_document.created",
      entityType: "signing_document",
      entityId: doc.id,
      after: { title: input.title, securityClass: input.securityClass, signers: signerIds, sha256: fileSha256 },
    });
    return doc.id;
  });
  return { documentId, verificationId };
}

/** Loads a document the actor may see: its owner, one of its signers, or nobody else. */
export function visibleDocument(ctx: Pick<Ctx, "db" | "actor">, documentId: number) {
  const doc = ctx.db.select().from(signedDocuments).where(eq(signedDocuments.id, documentId)).get();
  if (!doc || doc.agencyId !== ctx.actor.agencyId) throw notFound();
  const isSigner = ctx.db
    .select({ id: documentSigners.id })
    .from(documentSigners)
    .where(and(eq(documentSigners.documentId, documentId), eq(documentSigners.signerEmployeeId, ctx.actor.employeeId)))
    .get();
  if (doc.ownerEmployeeId !== ctx.actor.employeeId && !isSigner) throw notFound();
  return doc;
}

/**
 * Signs the document as the actor, who must be the next signer in line, with their passphrase.
 * The slow steps (unsealing the key, building the revision) run before the transaction; the
 * transaction re-checks that nobody signed in between, then stores the revision and the signature.
 */
export async function signDocument(
  ctx: Ctx,
  input: { documentId: number; passphrase: string; placement: Placement; verificationBaseUrl: string },
): Promise<{ revisionSequence: number; completed: boolean }> {
  const doc = visibleDocument(ctx, input.documentId);
  if (doc.status !== "signing") throw new DomainError("conflict", "signing.notSignable");
  const next = ctx.db
    .select()
    .from(documentSigners)
    .where(and(eq(documentSigners.documentId, doc.id), eq(documentSigners.status, "pending")))
    .orderBy(asc(documentSigners.sequence))
    .get();
  if (!next) throw new DomainError("conflict", "signing.notSignable");
  if (next.signerEmployeeId !== ctx.actor.employeeId) throw forbidden();

  const unlocked = await unlockSigner(ctx, input.passphrase);
  const revision = latestRevision(ctx, doc.id);
  const file = revision ? sqliteFileStore.get(ctx.db, revision.fileSha256) : null;
  if (!revision || !file) throw notFound();
  const agency = ctx.db.select({ timeZone: agencies.timeZone, regionName: agencies.regionName }).from(agencies).where(eq(agencies.id, doc.agencyId)).get();
  const timeZone = agency?.timeZone ?? "Asia/Jakarta";
  const positionLabel = signingPositionLabel(ctx.actor.acting);
  let signed: { bytes: Buffer; fieldName: string };
  try {
    signed = await signPdf(file.data, {
      provider: unlocked.provider,
      placement: input.placement,
      signingTime: ctx.now,
      reason: `Menandatangani: ${doc.title}`.slice(0, 200),
      location: agency?.regionName ?? "",
      block: {
        verificationUrl: `${input.verificationBaseUrl.replace(/\/$/, "")}/verifikasi/${doc.verificationId}`,
        heading: "Ditandatangani secara elektronik oleh",
        signerName: ctx.actor.displayName,
        positionLabel,
        nip: formatNip(ctx.actor.nip),
        signedAtLabel: signedAtLabel(ctx.now, timeZone),
      },
    });
  } catch (error) {
    if (error instanceof PdfInputError) throw pdfProblem(error);
    throw error;
  }

  return ctx.db.transaction((tx) => {
    const current = tx.select({ sequence: max(documentRevisions.sequence) }).from(documentRevisions).where(eq(documentRevisions.documentId, doc.id)).get();
    if (current?.sequence !== revision.sequence) throw new DomainError("conflict", "errors.conflict");
    const fileSha256 = sqliteFileStore.put(tx, { data: signed.bytes, mediaType: "application/pdf" }, ctx.now);
    const created = tx
      .insert(documentRevisions)
      .values({ documentId: doc.id, sequence: revision.sequence + 1, fileSha256, kind: "signature", createdByEmployeeId: ctx.actor.employeeId, createdAt: ctx.now })
      .returning({ id: documentRevisions.id })
      .get();
    tx.update(documentSigners)
      .set({
        status: "signed",
        assignmentId: ctx.actor.acting?.assignmentId ?? null,
        signerName: ctx.actor.displayName,
        signerNip: ctx.actor.nip,
        positionLabel,
        certificateId: unlocked.certificate.id,
        revisionId: created.id,
        fieldName: signed.fieldName,
        signedAt: ctx.now,
      })
      .where(eq(documentSigners.id, next.id))
      .run();
    const remaining = tx
      .select({ id: documentSigners.id })
      .from(documentSigners)
      .where(and(eq(documentSigners.documentId, doc.id), eq(documentSigners.status, "pending")))
      .get();
    if (!remaining) tx.update(signedDocuments).set({ status: "signed" }).where(eq(signedDocuments.id, doc.id)).run();
    writeAudit(tx, ctx, {
      action: "signing_document.signed",
      entityType: "signing_document",
      entityId: doc.id,
      after: { sequence: next.sequence, revision: revision.sequence + 1, sha256: fileSha256, certificateId: unlocked.certificate.id, positionLabel, fieldName: signed.fieldName },
    });
    return { revisionSequence: revision.sequence + 1, completed: !remaining };
  });
}
