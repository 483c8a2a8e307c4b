import "server-only";
import fs from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import QRCode from "qrcode";
import {
  beginText,
  endText,
  fill,
  moveText,
  PDFDocument,
  PDFObjectCopier,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  showText,
  stroke,
  type PDFContext,
  type PDFFont,
  type PDFOperator,
  type PDFRef,
} from "pdf-lib";

/** What the visible TTE block says; every line is final (signing happens after the QR target exists). */
export type SignatureBlockText = {
  verificationUrl: string;
  signerName: string;
  /** With "Plt."/"Plh."/"a.n." already applied. */
  positionLabel: string;
  nip: string;
  /** Date and time in the agency's zone, e.g. "28 November 2026 14.35 WIB". */
  signedAtLabel: string;
  heading: string;
};

export const BLOCK_WIDTH = 252;
export const BLOCK_HEIGHT = 88;

const fontFile = (name: string) => fs.readFileSync(path.join(process.cwd(), "assets", "fonts", name));
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () => (fonts ??= { regular: fontFile("LiberationSans-Regular.ttf"), bold: fontFile("LiberationSans-Bold.ttf") });

/** QR modules as filled rectangles: crisp at any zoom, no image, a few hundred bytes. */
function qrOperators(url: string, x: number, y: number, size: number): PDFOperator[] {
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const count = qr.modules.size;
  // A quiet zone of two modules on each side: phone cameras need it to find the code.
  const cell = size / (count + 4);
  x += 2 * cell;
  y += 2 * cell;
  size -= 4 * cell;
  const ops: PDFOperator[] = [setFillingGrayscaleColor(0)];
  for (let row = 0; row < count; row++) {
    let runStart = -1;
    for (let col = 0; col <= count; col++) {
      const dark = col < count && qr.modules.get(row, col);
      if (dark && runStart < 0) runStart = col;
      if (!dark && runStart >= 0) {
        ops.push(rectangle(x + runStart * cell, y + size - (row + 1) * cell, (col - runStart) * cell, cell));
        runStart = -1;
      }
    }
  }
  ops.push(fill());
  return ops;
}

function wrap(text: string, font: PDFFont, size: number, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines;
}

/**
 * Builds the block's Form XObject (fonts subset and embedded) in a scratch document, then copies it
 * into `target`, returning its reference there. The block is drawn upright in a BLOCK_WIDTH x BLOCK_HEIGHT
 * box; `matrix` rotates it to match the page's /Rotate.
 */
export async function buildSignatureAppearance(target: PDFContext, text: SignatureBlockText, matrix: number[]): Promise<PDFRef> {
  const scratch = await PDFDocument.create();
  scratch.registerFontkit(fontkit);
  const { regular: regularTtf, bold: boldTtf } = loadFonts();
  const regular = await scratch.embedFont(regularTtf, { subset: true });
  const bold = await scratch.embedFont(boldTtf, { subset: true });

  const pad = 4;
  const qrSize = BLOCK_HEIGHT - 2 * pad;
  const textX = pad + qrSize + 6;
  const textWidth = BLOCK_WIDTH - textX - pad;
  type Line = { font: PDFFont; key: string; size: number; text: string };
  const lines: Line[] = [
    { font: regular, key: "F1", size: 6.5, text: text.heading },
    ...wrap(text.signerName, bold, 8, textWidth, 2).map((t) => ({ font: bold, key: "F2", size: 8, text: t })),
    ...wrap(text.positionLabel, regular, 7, textWidth, 3).map((t) => ({ font: regular, key: "F1", size: 7, text: t })),
    { font: regular, key: "F1", size: 7, text: text.nip ? `NIP ${text.nip}` : "" },
    { font: regular, key: "F1", size: 6.5, text: text.signedAtLabel },
  ].filter((l) => l.text);

  const ops: PDFOperator[] = [
    pushGraphicsState(),
    setFillingGrayscaleColor(1),
    rectangle(0, 0, BLOCK_WIDTH, BLOCK_HEIGHT),
    fill(),
    setStrokingRgbColor(0.04, 0.35, 0.27),
    setLineWidth(0.8),
    rectangle(0.4, 0.4, BLOCK_WIDTH - 0.8, BLOCK_HEIGHT - 0.8),
    stroke(),
    ...qrOperators(text.verificationUrl, pad, pad, qrSize),
    setFillingRgbColor(0, 0, 0),
  ];
  let y = BLOCK_HEIGHT - pad - 7;
  for (const line of lines) {
    ops.push(beginText(), setFontAndSize(line.key, line.size), moveText(textX, y), showText(line.font.encodeText(line.text)), endText());
    y -= line.size + 2.2;
  }
  ops.push(popGraphicsState());

  await scratch.flush(); // writes the font subsets for the glyphs encoded above
  const form = scratch.context.formXObject(ops, {
    BBox: [0, 0, BLOCK_WIDTH, BLOCK_HEIGHT],
    Matrix: matrix,
    Resources: { Font: { F1: regular.ref, F2: bold.ref } },
  });
  const copied = PDFObjectCopier.for(scratch.context, target).copy(form);
  return target.register(copied);
}
