import { degrees, grayscale, type PDFPage } from "pdf-lib";
import type { Fonts } from "./fonts";
import { ASCENT, BODY_SIZE, type Geometry } from "./geometry";

// What every page carries besides the text: the "KONSEP" watermark of drafts and the page number.

const WATERMARK = "KONSEP";

/** A large light-grey "KONSEP" across the page's diagonal, drawn first so the text stays on top of it. */
export function drawWatermark(page: PDFPage, fonts: Fonts, g: Geometry): void {
  const angle = Math.atan2(g.height, g.width);
  const size = g.width * 0.2;
  const width = fonts.width("bold", WATERMARK, size);
  const cap = ASCENT * size * 0.8;
  // Start point such that the word's centre lands on the page's centre, along the rotated baseline.
  const x = g.width / 2 - Math.cos(angle) * (width / 2) + Math.sin(angle) * (cap / 2);
  const y = g.height / 2 - Math.sin(angle) * (width / 2) - Math.cos(angle) * (cap / 2);
  page.drawText(WATERMARK, { x, y, size, font: fonts.font("bold"), color: grayscale(0.88), rotate: degrees((angle * 180) / Math.PI) });
}

/** "- 2 -" centred in the top margin, from the second page on (the first carries the kop). */
export function drawPageNumber(page: PDFPage, pageIndex: number, fonts: Fonts, g: Geometry): void {
  const text = `- ${pageIndex + 1} -`;
  const width = fonts.width("regular", text, BODY_SIZE);
  page.drawText(text, { x: (g.width - width) / 2, y: g.height - g.top * 0.6, size: BODY_SIZE, font: fonts.font("regular"), color: grayscale(0) });
}
