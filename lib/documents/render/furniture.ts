import {
  appendBezierCurve,
  closePath,
  concatTransformationMatrix,
  fill,
  grayscale,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  type PDFOperator,
  type PDFPage,
} from "pdf-lib";
import { parsedFont, type Fonts } from "./fonts";
import { ASCENT, BODY_SIZE, type Geometry } from "./geometry";

// What every page carries besides the text: the "KONSEP" mark of drafts and the page number.

const WATERMARK = "KONSEP";
const WATERMARK_GRAY = 0.88;

type Command = { command: string; args: number[] };

/** The word's glyph outlines as path operators in font units (quadratic TrueType curves made cubic). */
function outline(word: string): { ops: PDFOperator[]; advance: number; unitsPerEm: number } {
  const font = parsedFont("bold");
  const run = font.layout(word);
  const ops: PDFOperator[] = [];
  let pen = 0;
  run.glyphs.forEach((glyph, i) => {
    let cx = 0;
    let cy = 0;
    // fontkit keeps the commands on the path object; its typings only describe the drawing methods.
    for (const { command, args } of (glyph.path as unknown as { commands: Command[] }).commands) {
      const a = args.map((n, k) => (k % 2 === 0 ? n + pen : n));
      if (command === "moveTo") ops.push(moveTo(a[0], a[1]));
      else if (command === "lineTo") ops.push(lineTo(a[0], a[1]));
      else if (command === "quadraticCurveTo") {
        const [qx, qy, x, y] = a;
        ops.push(appendBezierCurve(cx + (2 / 3) * (qx - cx), cy + (2 / 3) * (qy - cy), x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), x, y));
      } else if (command === "bezierCurveTo") ops.push(appendBezierCurve(a[0], a[1], a[2], a[3], a[4], a[5]));
      else if (command === "closePath") ops.push(closePath());
      if (a.length >= 2) [cx, cy] = a.slice(-2);
    }
    pen += run.positions[i].xAdvance;
  });
  return { ops, advance: pen, unitsPerEm: font.unitsPerEm };
}

let watermark: ReturnType<typeof outline> | undefined;

/**
 * A large light-grey "KONSEP" across the page's diagonal, drawn first so the text lies over it. Drawn
 * as outlines, not text: diagonal text would break up the text extracted from drafts (search, copy).
 */
export function drawWatermark(page: PDFPage, g: Geometry): void {
  watermark ??= outline(WATERMARK);
  const angle = Math.atan2(g.height, g.width);
  const size = g.width * 0.2;
  const scale = size / watermark.unitsPerEm;
  const width = watermark.advance * scale;
  const cap = ASCENT * size * 0.8;
  // Start point such that the word's centre lands on the page's centre, along the rotated baseline.
  const x = g.width / 2 - Math.cos(angle) * (width / 2) + Math.sin(angle) * (cap / 2);
  const y = g.height / 2 - Math.sin(angle) * (width / 2) - Math.cos(angle) * (cap / 2);
  const [cos, sin] = [Math.cos(angle) * scale, Math.sin(angle) * scale];
  page.pushOperators(
    pushGraphicsState(),
    setFillingGrayscaleColor(WATERMARK_GRAY),
    concatTransformationMatrix(cos, sin, -sin, cos, x, y),
    ...watermark.ops,
    fill(),
    popGraphicsState(),
  );
}

/** A small "KONSEP" in the top margin at the right: the draft mark as text, found by search and pdftotext. */
export function drawDraftLabel(page: PDFPage, fonts: Fonts, g: Geometry): void {
  const size = 9;
  const width = fonts.width("bold", WATERMARK, size);
  page.drawText(WATERMARK, { x: g.right - width, y: g.height - 20, size, font: fonts.font("bold"), color: grayscale(0.45) });
}

/** "- 2 -" centred in the top margin, from the second page on (the first carries the kop). */
export function drawPageNumber(page: PDFPage, pageIndex: number, fonts: Fonts, g: Geometry): void {
  const text = `- ${pageIndex + 1} -`;
  const width = fonts.width("regular", text, BODY_SIZE);
  page.drawText(text, { x: (g.width - width) / 2, y: g.height - g.top * 0.6, size: BODY_SIZE, font: fonts.font("regular"), color: grayscale(0) });
}
