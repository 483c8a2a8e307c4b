// Finds the anchor character (like BSrE's "#") that a drafter typed where the signature should go.
// pdf.js extracts text with positions; it is loaded lazily, only when a signer asks for anchor placement.

/** The marker drafters type where the signature block should go, as with BSrE's esign service. */
export const ANCHOR_MARKER = "#";

export type AnchorPoint = { pageIndex: number; x: number; y: number; height: number };

/** The first occurrence of `marker` in reading order, in PDF user space (x at the glyph, y at its top). */
export async function findAnchor(pdf: Buffer, marker: string): Promise<AnchorPoint | null> {
  const { getDocument, VerbosityLevel } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js takes ownership of the bytes it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: VerbosityLevel.ERRORS });
  const doc = await task.promise;
  try {
    for (let pageNumber = 1; pageNumber <= doc.numPages; pageNumber++) {
      const page = await doc.getPage(pageNumber);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const at = item.str.indexOf(marker);
        if (at < 0) continue;
        const [scaleX, , , scaleY, x, y] = item.transform as number[];
        const height = item.height || Math.abs(scaleY) || Math.abs(scaleX);
        const offset = item.str.length > 0 ? (item.width * at) / item.str.length : 0;
        return { pageIndex: pageNumber - 1, x: x + offset, y: y + height, height };
      }
    }
    return null;
  } finally {
    await task.destroy();
  }
}
