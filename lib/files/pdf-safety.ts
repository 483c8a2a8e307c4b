import { PDFArray, PDFDict, PDFName, PDFStream, type PDFDocument, type PDFObject } from "pdf-lib";
import { DomainError, invalid } from "@/lib/errors";
import { loadPdfForSigning, MAX_PDF_PAGES, maxPdfBytes, PdfInputError } from "@/lib/signing/pdf-input";
import { sniffImageType } from "./image-type";

// The one check every uploaded PDF passes before it is stored, whatever the path (incoming letter scan, a draft's
// body or lampiran, a PDF to sign, a follow-up report, a leave request's supporting letter): stored PDFs are served
// back to colleagues, stamped and signed, so a file that runs code when opened, that we cannot read, or that is
// something else under a .pdf name never gets in.

/** Dictionary keys that carry a script or an embedded XFA form (which runs its own scripts). */
const ACTIVE_KEYS = ["JS", "JavaScript", "XFA"];
/** Action types that run code or start programs: /S in an action dictionary. */
const ACTIVE_ACTIONS = ["JavaScript", "Launch", "ImportData", "RichMediaExecute"];

const nameOf = (value: PDFObject | undefined) => (value instanceof PDFName ? value.decodeText() : null);

function dictHasActiveContent(dict: PDFDict): boolean {
  for (const [key, value] of dict.entries()) {
    // pdf-lib decodes #xx escapes in names, so /J#61vaScript is caught as /JavaScript.
    if (ACTIVE_KEYS.includes(key.decodeText())) return true;
    if (key.decodeText() === "S" && ACTIVE_ACTIONS.includes(nameOf(value) ?? "")) return true;
  }
  return false;
}

function hasActiveContent(object: PDFObject): boolean {
  if (object instanceof PDFStream) return dictHasActiveContent(object.dict);
  if (object instanceof PDFDict) {
    if (dictHasActiveContent(object)) return true;
    // Direct (not indirect) dictionaries nested inside, e.g. an /OpenAction << /S /JavaScript ... >> in the catalog.
    return object.values().some((v) => (v instanceof PDFDict || v instanceof PDFArray) && hasActiveContent(v));
  }
  if (object instanceof PDFArray) return object.asArray().some((v) => (v instanceof PDFDict || v instanceof PDFArray) && hasActiveContent(v));
  return false;
}

/** True when any object of the document (object streams included) holds a script, a launch or an XFA form. */
export function pdfHasActiveContent(doc: PDFDocument): boolean {
  return doc.context.enumerateIndirectObjects().some(([, object]) => hasActiveContent(object));
}

/**
 * Everything loadPdfForSigning checks (a PDF, within the size, complete, not encrypted, readable, pages), plus:
 * nothing but binary junk before the %PDF- header (an HTML or SVG page with a PDF inside is a polyglot that some
 * viewers render as a web page), and no JavaScript, launch actions or XFA anywhere in it. Throws PdfInputError.
 */
export async function checkUploadedPdf(bytes: Buffer, maxBytes = maxPdfBytes()): Promise<PDFDocument> {
  const header = bytes.subarray(0, 1024).toString("latin1").indexOf("%PDF-");
  if (header > 0 && bytes.subarray(0, header).includes(0x3c /* < */)) throw new PdfInputError("pdf.notPdf");
  const doc = await loadPdfForSigning(bytes, maxBytes);
  if (pdfHasActiveContent(doc)) throw new PdfInputError("pdf.activeContent");
  return doc;
}

/** A PdfInputError as the DomainError a form shows under `field`, with the limits filled in. */
export function pdfUploadError(error: PdfInputError, field = "file"): DomainError {
  return new DomainError("invalid", error.messageKey, { maxMb: Math.round(maxPdfBytes() / 1048576), maxPages: MAX_PDF_PAGES }, { [field]: error.messageKey });
}

/** checkUploadedPdf for a form: the refusal as a DomainError on `field`. */
export async function assertSafePdfUpload(bytes: Buffer, field = "file"): Promise<PDFDocument> {
  try {
    return await checkUploadedPdf(bytes);
  } catch (error) {
    if (error instanceof PdfInputError) throw pdfUploadError(error, field);
    throw error;
  }
}

/** Whether the bytes claim to be a PDF (a %PDF- header near the start), before any deeper check. */
export const looksLikePdf = (data: Buffer) => data.subarray(0, 1024).toString("latin1").includes("%PDF-");

/**
 * A supporting file that may be a PDF or a photo: the type from the bytes, a PDF through the full check above, a
 * photo only as PNG or JPEG. Anything else is refused with `badTypeKey` on `field`.
 */
export async function checkedPdfOrImage(data: Buffer, field: string, badTypeKey: string): Promise<{ data: Buffer; mediaType: "application/pdf" | "image/png" | "image/jpeg" }> {
  if (looksLikePdf(data)) {
    await assertSafePdfUpload(data, field);
    return { data, mediaType: "application/pdf" };
  }
  const mediaType = sniffImageType(data);
  if (!mediaType) throw invalid({ [field]: badTypeKey });
  return { data, mediaType };
}
