import { EncryptedPDFError, PDFDocument } from "pdf-lib";

/** A PDF we cannot sign, with the message key that tells the user what to do. */
export class PdfInputError extends Error {
  constructor(readonly messageKey: string) {
    super(messageKey);
    this.name = "PdfInputError";
  }
}

export const DEFAULT_MAX_PDF_BYTES = 20 * 1024 * 1024;
export const MAX_PDF_PAGES = 2000;

/** Upload limit in bytes: KAWAN_MAX_PDF_MB (default 20). */
export function maxPdfBytes(): number {
  const mb = Number(process.env.KAWAN_MAX_PDF_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : DEFAULT_MAX_PDF_BYTES;
}

/**
 * Checks an uploaded file before any work: really a PDF, not too large, not encrypted, parseable, a sane
 * page count, and ending in a trailer we can append to. Each failure has its own message.
 */
export async function loadPdfForSigning(bytes: Buffer, maxBytes = maxPdfBytes()): Promise<PDFDocument> {
  if (bytes.length === 0) throw new PdfInputError("pdf.empty");
  if (bytes.length > maxBytes) throw new PdfInputError("pdf.tooLarge");
  const head = bytes.subarray(0, 1024).toString("latin1");
  if (!head.includes("%PDF-")) throw new PdfInputError("pdf.notPdf");
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048)).toString("latin1");
  if (!/%%EOF\s*$/.test(tail) || !/startxref\s+\d+/.test(tail)) throw new PdfInputError("pdf.truncated");
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    // pdf-lib's error classes are compiled to ES5, where instanceof fails: the message is what is reliable.
    if (error instanceof EncryptedPDFError || /is encrypted/.test(String((error as Error)?.message))) throw new PdfInputError("pdf.encrypted");
    throw new PdfInputError("pdf.unreadable");
  }
  if (doc.isEncrypted) throw new PdfInputError("pdf.encrypted");
  let pageCount: number;
  try {
    pageCount = doc.getPageCount();
  } catch {
    throw new PdfInputError("pdf.unreadable");
  }
  if (pageCount === 0) throw new PdfInputError("pdf.noPages");
  if (pageCount > MAX_PDF_PAGES) throw new PdfInputError("pdf.tooManyPages");
  return doc;
}
