// The text layer of a PDF, for the search index. Runs before the write's transaction (it is async and can take a
// while on a long file). Search is a convenience, never a reason to refuse a letter: a broken, encrypted or
// hostile PDF gives "" instead of an error, and so does a scan without a text layer.

/** Enough pages for any letter and its lampiran; a 500-page annex is not read to the end. */
export const MAX_PDF_TEXT_PAGES = 50;
/** About 30 pages of dense text: what the index keeps per file. */
export const MAX_PDF_TEXT_CHARS = 100_000;
/** Stop reading further pages after this long; one slow page is still finished. */
const TIME_BUDGET_MS = 5_000;

export async function extractPdfText(pdf: Uint8Array, opts: { maxPages?: number; maxChars?: number } = {}): Promise<string> {
  const maxPages = opts.maxPages ?? MAX_PDF_TEXT_PAGES;
  const maxChars = opts.maxChars ?? MAX_PDF_TEXT_CHARS;
  let task: { promise: Promise<unknown>; destroy(): Promise<void> } | null = null;
  try {
    const { getDocument, VerbosityLevel } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // pdf.js takes ownership of the bytes it is given: hand it a copy. No eval, no font loading, no fetching.
    const loading = getDocument({
      data: new Uint8Array(pdf),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: VerbosityLevel.ERRORS,
    });
    task = loading;
    const doc = await loading.promise;
    const started = Date.now();
    const parts: string[] = [];
    let length = 0;
    for (let pageNumber = 1; pageNumber <= Math.min(doc.numPages, maxPages); pageNumber++) {
      if (length >= maxChars || Date.now() - started > TIME_BUDGET_MS) break;
      const page = await doc.getPage(pageNumber);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!("str" in item)) continue;
        parts.push(item.str, item.hasEOL ? "\n" : " ");
        length += item.str.length + 1;
      }
      parts.push("\n");
      page.cleanup();
    }
    // Runs of blanks collapse; control characters (the search snippet's markers among them) become spaces.
    return parts
      .join("")
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ")
      .replace(/[ \t]+/g, " ")
      .replace(/\s*\n\s*/g, "\n")
      .trim()
      .slice(0, maxChars);
  } catch {
    return "";
  } finally {
    await task?.destroy().catch(() => undefined);
  }
}
