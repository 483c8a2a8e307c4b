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

// Every character the block can print: Latin-1 plus typographic dashes and quotes. Anything else is shown as "?".
const CHARSET = [
  ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...Array.from({ length: 0xff - 0xa1 + 1 }, (_, i) => String.fromCharCode(0xa1 + i)),
  "–", "—", "‘", "’", "“", "”", "…",
];
const PRINTABLE = new Set(CHARSET);
const printable = (text: string) => Array.from(text.normalize("NFC"), (c) => (PRINTABLE.has(c) ? c : "?")).join("");

type FontSet = { doc: PDFDocument; regular: PDFFont; bold: PDFFont };
let fontSet: Promise<FontSet> | undefined;

/**
 * The two fonts subset to CHARSET, embedded once per process in a scratch document. Subsetting a TrueType
 * font costs ~20 ms; doing it once instead of per signature is most of the signing time saved. Each
 * signature copies the ready font objects (~25 KB each) into its own incremental update.
 */
function fonts(): Promise<FontSet> {
  fontSet ??= (async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const regular = await doc.embedFont(fontFile("LiberationSans-Regular.ttf"), { subset: true });
    const bold = await doc.embedFont(fontFile("LiberationSans-Bold.ttf"), { subset: true });
    regular.encodeText(CHARSET.join(""));
    bold.encodeText(CHARSET.join(""));
    await doc.flush();
    return { doc, regular, bold };
  })();
  return fontSet;
}

/**
 * Builds the block's Form XObject and copies it, with its fonts, into `target`, returning its reference
 * there. The block is drawn upright in a BLOCK_WIDTH x BLOCK_HEIGHT box; `matrix` rotates it to match the
 * page's /Rotate.
 */
export async function buildSignatureAppearance(target: PDFContext, text: SignatureBlockText, matrix: number[], copier?: PDFObjectCopier): Promise<PDFRef> {
  const { doc: scratch, regular, bold } = await fonts();

  const pad = 4;
  const qrSize = BLOCK_HEIGHT - 2 * pad;
  const textX = pad + qrSize + 6;
  const textWidth = BLOCK_WIDTH - textX - pad;
  type Line = { font: PDFFont; key: string; size: number; text: string };
  const lines: Line[] = [
    { font: regular, key: "F1", size: 6.5, text: printable(text.heading) },
    ...wrap(printable(text.signerName), bold, 8, textWidth, 2).map((t) => ({ font: bold, key: "F2", size: 8, text: t })),
    ...wrap(printable(text.positionLabel), regular, 7, textWidth, 3).map((t) => ({ font: regular, key: "F1", size: 7, text: t })),
    { font: regular, key: "F1", size: 7, text: text.nip ? `NIP ${printable(text.nip)}` : "" },
    { font: regular, key: "F1", size: 6.5, text: printable(text.signedAtLabel) },
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

  // Not registered in the scratch document: it stays a template that only the copy below lands in `target`.
  const form = scratch.context.formXObject(ops, {
    BBox: [0, 0, BLOCK_WIDTH, BLOCK_HEIGHT],
    Matrix: matrix,
    Resources: { Font: { F1: regular.ref, F2: bold.ref } },
  });
  const copied = (copier ?? PDFObjectCopier.for(scratch.context, target)).copy(form);
  return target.register(copied);
}

/**
 * A copier from the scratch font document into `target`. Share one across the Form XObjects of one
 * incremental update (signature block, stamps) so each font is copied into the file once.
 */
export async function fontCopier(target: PDFContext): Promise<PDFObjectCopier> {
  const { doc: scratch } = await fonts();
  return PDFObjectCopier.for(scratch.context, target);
}

/**
 * A line of text (the document number or date stamped at the last signature) as a Form XObject in
 * `target`, in Liberation Sans Regular with its baseline start at the form's origin.
 */
export async function buildTextStamp(target: PDFContext, text: string, fontSize: number, copier?: PDFObjectCopier): Promise<{ ref: PDFRef; width: number }> {
  const { doc: scratch, regular } = await fonts();
  const shown = printable(text);
  const width = regular.widthOfTextAtSize(shown, fontSize);
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    setFillingRgbColor(0, 0, 0),
    beginText(),
    setFontAndSize("F1", fontSize),
    moveText(0, 0),
    showText(regular.encodeText(shown)),
    endText(),
    popGraphicsState(),
  ];
  const form = scratch.context.formXObject(ops, {
    BBox: [0, -0.25 * fontSize, Math.max(width, 1), 1.1 * fontSize],
    Resources: { Font: { F1: regular.ref } },
  });
  const copied = (copier ?? PDFObjectCopier.for(scratch.context, target)).copy(form);
  return { ref: target.register(copied), width };
}
