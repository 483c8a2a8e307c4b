import "server-only";
import { and, count, eq } from "drizzle-orm";
import { documentAttachments, officialDocuments } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { DomainError, invalid, notFound } from "@/lib/errors";
import { sqliteFileStore, type StoredFile } from "@/lib/files/file-store";
import { sniffImageType } from "@/lib/files/image-type";
import { maxPdfBytes, MAX_PDF_PAGES, PdfInputError } from "@/lib/signing/pdf-input";
import { checkUploadedPdf } from "@/lib/files/pdf-safety";
import { visibleOfficialDocument } from "./access";
import { editableDraft } from "./drafts";
import { extractPdfText, indexDocument } from "@/lib/search";

// Files of a draft: the body uploaded as a PDF made elsewhere (instead of the editor), and lampiran.

export const MAX_ATTACHMENTS = 20;

const pdfProblem = (error: PdfInputError, field: string) =>
  new DomainError("invalid", error.messageKey, { maxMb: Math.round(maxPdfBytes() / 1048576), maxPages: MAX_PDF_PAGES }, { [field]: error.messageKey });

/** The drafter's own PDF becomes the document's body; the letterhead, layout and text are theirs. */
export async function uploadBodyPdf(ctx: Ctx, documentId: number, pdf: Buffer): Promise<void> {
  editableDraft(ctx, documentId);
  try {
    await checkUploadedPdf(pdf);
  } catch (error) {
    if (error instanceof PdfInputError) throw pdfProblem(error, "file");
    throw error;
  }
  const pdfText = await extractPdfText(pdf);
  ctx.db.transaction((tx) => {
    const doc = editableDraft(ctx, documentId, tx);
    const sha256 = sqliteFileStore.put(tx, { data: pdf, mediaType: "application/pdf" }, ctx.now);
    tx.update(officialDocuments).set({ bodySource: "pdf", bodyPdfSha256: sha256, updatedAt: ctx.now }).where(eq(officialDocuments.id, doc.id)).run();
    indexDocument(tx, doc.id, pdfText);
    writeAudit(tx, ctx, { action: "official_document.body_uploaded", entityType: "official_document", entityId: doc.id, after: { sha256, size: pdf.length } });
  });
}

/** Back to writing the body in the editor; the uploaded PDF stays in the store for the versions. */
export function useEditorBody(ctx: Ctx, documentId: number): void {
  ctx.db.transaction((tx) => {
    const doc = editableDraft(ctx, documentId, tx);
    tx.update(officialDocuments).set({ bodySource: "editor", updatedAt: ctx.now }).where(eq(officialDocuments.id, doc.id)).run();
    indexDocument(tx, doc.id);
    writeAudit(tx, ctx, { action: "official_document.body_editor", entityType: "official_document", entityId: doc.id, before: { bodySource: doc.bodySource } });
  });
}

/** The media type from the bytes: PDF, PNG or JPEG; anything else is refused. */
function attachmentType(data: Buffer): string | null {
  if (data.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  return sniffImageType(data);
}

export async function addAttachment(ctx: Ctx, documentId: number, file: { name: string; data: Buffer }): Promise<{ attachmentId: number }> {
  if (file.data.length === 0) throw invalid({ file: "naskah.attachments.empty" });
  if (file.data.length > maxPdfBytes()) throw new DomainError("invalid", "pdf.tooLarge", { maxMb: Math.round(maxPdfBytes() / 1048576) }, { file: "pdf.tooLarge" });
  const mediaType = attachmentType(file.data);
  if (!mediaType) throw invalid({ file: "naskah.attachments.badType" });
  // Someone who may not edit the draft learns nothing about their file: the draft is checked first.
  editableDraft(ctx, documentId);
  if (mediaType === "application/pdf") {
    // A lampiran is downloaded by every reader of the document: the same check as every uploaded PDF.
    try {
      await checkUploadedPdf(file.data);
    } catch (error) {
      if (error instanceof PdfInputError) throw pdfProblem(error, "file");
      throw error;
    }
  }
  const name = file.name.replace(/[\\/\u0000-\u001f]/g, "_").trim().slice(0, 200) || "lampiran";
  return ctx.db.transaction((tx) => {
    const doc = editableDraft(ctx, documentId, tx);
    const existing = tx.select({ n: count() }).from(documentAttachments).where(eq(documentAttachments.documentId, doc.id)).get()?.n ?? 0;
    if (existing >= MAX_ATTACHMENTS) throw invalid({ file: "naskah.attachments.tooMany" });
    const fileSha256 = sqliteFileStore.put(tx, { data: file.data, mediaType }, ctx.now);
    const row = tx
      .insert(documentAttachments)
      .values({ documentId: doc.id, fileSha256, fileName: name, mediaType, size: file.data.length, createdAt: ctx.now })
      .returning({ id: documentAttachments.id })
      .get();
    tx.update(officialDocuments).set({ attachmentCount: existing + 1, updatedAt: ctx.now }).where(eq(officialDocuments.id, doc.id)).run();
    writeAudit(tx, ctx, { action: "official_document.attachment_added", entityType: "official_document", entityId: doc.id, after: { attachmentId: row.id, name, sha256: fileSha256 } });
    return { attachmentId: row.id };
  });
}

export function removeAttachment(ctx: Ctx, documentId: number, attachmentId: number): void {
  ctx.db.transaction((tx) => {
    const doc = editableDraft(ctx, documentId, tx);
    const row = tx.select().from(documentAttachments).where(and(eq(documentAttachments.id, attachmentId), eq(documentAttachments.documentId, doc.id))).get();
    if (!row) throw notFound();
    tx.delete(documentAttachments).where(eq(documentAttachments.id, row.id)).run();
    const left = tx.select({ n: count() }).from(documentAttachments).where(eq(documentAttachments.documentId, doc.id)).get()?.n ?? 0;
    tx.update(officialDocuments).set({ attachmentCount: left, updatedAt: ctx.now }).where(eq(officialDocuments.id, doc.id)).run();
    writeAudit(tx, ctx, { action: "official_document.attachment_removed", entityType: "official_document", entityId: doc.id, before: { attachmentId: row.id, name: row.fileName } });
  });
}

/** An attachment's bytes for someone who may see the document; "not found" otherwise. */
export function attachmentFile(ctx: Pick<Ctx, "db" | "actor">, documentId: number, attachmentId: number): { name: string; file: StoredFile } {
  const doc = visibleOfficialDocument(ctx, documentId);
  const row = ctx.db.select().from(documentAttachments).where(and(eq(documentAttachments.id, attachmentId), eq(documentAttachments.documentId, doc.id))).get();
  const file = row ? sqliteFileStore.get(ctx.db, row.fileSha256) : null;
  if (!row || !file) throw notFound();
  return { name: row.fileName, file };
}
