import { grayscale, type PDFDocument, type PDFImage, type PDFPage } from "pdf-lib";
import type { Letterhead } from "./render-input";
import type { Fonts } from "./fonts";
import { cm, KOP_TOP, type Geometry } from "./geometry";
import { layoutRuns, plain, type Line } from "./lines";
import { drawLine, type DrawContext } from "./flow";

// The kop: the agency's logo at the left, its name, the unit, the address and contacts centred beside it,
// and the double rule (thick over thin) under it. First page only.

const LOGO_MAX = cm(2.2);
const GAP_AFTER = 14;
const MIN_SHRINK = 0.8;

/** The logo as a PDF image, or null when there is none or its bytes are not a readable PNG/JPEG. */
export async function embedLogo(doc: PDFDocument, logo: Letterhead["logo"]): Promise<PDFImage | null> {
  if (!logo) return null;
  try {
    // A copy of its own: pdf-lib's JPEG reader ignores a Buffer's offset in Node's shared pool.
    const own = new Uint8Array(logo.bytes);
    return logo.type === "png" ? await doc.embedPng(own) : await doc.embedJpg(own);
  } catch {
    return null; // a broken logo must not stop the letter
  }
}

function kopLines(kop: Letterhead, fonts: Fonts, x: number, width: number): Line[] {
  const unit = kop.unitName?.trim();
  const contacts = [
    kop.phone.trim() && `Telepon ${kop.phone.trim()}`,
    kop.email.trim() && `Pos-el ${kop.email.trim()}`,
    kop.website.trim() && `Laman ${kop.website.trim()}`,
  ].filter(Boolean);
  const spec: { text: string; bold?: boolean; size: number }[] = [
    { text: kop.agencyName.toLocaleUpperCase("id-ID"), bold: true, size: unit ? 14 : 16 },
    ...(unit ? [{ text: unit.toLocaleUpperCase("id-ID"), bold: true, size: 16 }] : []),
    { text: kop.address, size: 10 },
    { text: contacts.join(", "), size: 10 },
  ].filter((s) => s.text.trim());
  return spec.flatMap((s) => {
    const font = s.bold ? "bold" : "regular";
    // A kop line is one line: shrink a long name a little to keep it so; wrap only what still does not fit.
    const natural = fonts.width(font, fonts.clean(font, s.text), s.size);
    const size = natural > width ? Math.max(s.size * MIN_SHRINK, (s.size * width) / natural) : s.size;
    return layoutRuns(plain(s.text, font), fonts, { x, width, align: "center", size });
  });
}

/** Draws the kop on the first page; returns where the text may start (points from the top). */
export function drawLetterhead(ctx: DrawContext, kop: Letterhead, logo: PDFImage | null): number {
  const { page, fonts, geometry: g } = ctx;
  const scale = logo ? Math.min(LOGO_MAX / logo.height, LOGO_MAX / logo.width) : 0;
  const logoWidth = logo ? logo.width * scale : 0;
  const logoHeight = logo ? logo.height * scale : 0;
  const textX = logo ? g.left + logoWidth + 8 : g.left;
  const lines = kopLines(kop, fonts, textX, g.right - textX);
  const textHeight = lines.reduce((sum, l) => sum + l.height, 0);
  const block = Math.max(textHeight, logoHeight);

  if (logo) page.drawImage(logo, { x: g.left, y: g.height - (KOP_TOP + (block - logoHeight) / 2 + logoHeight), width: logoWidth, height: logoHeight });
  let top = KOP_TOP + (block - textHeight) / 2;
  for (const line of lines) {
    drawLine(ctx, line, top);
    top += line.height;
  }
  const ruleTop = KOP_TOP + block + 5;
  drawRules(page, g, ruleTop);
  return ruleTop + 5 + GAP_AFTER;
}

function drawRules(page: PDFPage, g: Geometry, top: number): void {
  const y = g.height - top;
  page.drawLine({ start: { x: g.left, y }, end: { x: g.right, y }, thickness: 2.25, color: grayscale(0) });
  page.drawLine({ start: { x: g.left, y: y - 3 }, end: { x: g.right, y: y - 3 }, thickness: 0.75, color: grayscale(0) });
}
