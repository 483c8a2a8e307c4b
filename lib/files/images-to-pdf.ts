import { concatTransformationMatrix, degrees, drawObject, PDFDocument, popGraphicsState, pushGraphicsState, type PDFImage } from "pdf-lib";
import { DomainError } from "@/lib/errors";
import { PAPER } from "@/lib/documents/render/geometry";
import { maxPdfBytes } from "@/lib/signing/pdf-input";
import { sniffImageType } from "./image-type";

// Phone photos of a paper letter (one photo per page) as one PDF: each photo upright (JPEG EXIF
// orientation honoured), fitted into the page with a small margin, centred. A landscape photo that would
// be larger turned a quarter is drawn turned (its top to the page's left edge) on the portrait page, and
// the page is marked /Rotate 90 so viewers show it upright while it still prints on portrait paper.

export const MAX_IMAGES = 30;
/**
 * PNGs are decoded to raw pixels by pdf-lib (JPEGs are embedded as they are): a small file claiming 20000 x 20000
 * pixels would hold the server for minutes. 25 megapixels is far above a phone screenshot or a 300 dpi A4 scan
 * (8.7 MP, about 2 s to embed).
 */
export const MAX_PNG_PIXELS = 25_000_000;

/** Width x height from a PNG's IHDR chunk (always first), or null when the header is not there. */
function pngPixels(data: Buffer): number | null {
  if (data.length < 24 || data.subarray(12, 16).toString("latin1") !== "IHDR") return null;
  return data.readUInt32BE(16) * data.readUInt32BE(20);
}
/** The margin around each photo: 10 mm. */
const MARGIN = (10 * 72) / 25.4;
/** Turn a landscape photo only when that makes it noticeably larger, not for a rounding-level gain. */
const ROTATE_GAIN = 1.02;

/** [a b c d e f]: (u, v) -> (a u + c v + e, b u + d v + f), as the PDF `cm` operator. */
type Matrix = [number, number, number, number, number, number];

/** `first`, then `second`. */
function then(first: Matrix, second: Matrix): Matrix {
  const [a, b, c, d, e, f] = first;
  const [A, B, C, D, E, F] = second;
  return [A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d, A * e + C * f + E, B * e + D * f + F];
}

/**
 * The EXIF orientation (1-8) of a JPEG: tag 0x0112 of IFD0 in the APP1 "Exif" segment; 1 when absent or
 * unreadable. Only the markers before the image data are walked.
 */
export function jpegOrientation(data: Buffer): number {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return 1;
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return 1;
    const marker = data[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return 1; // image data or end: no EXIF before it
    const length = data.readUInt16BE(at + 2);
    if (length < 2) return 1;
    const start = at + 4;
    const end = Math.min(data.length, at + 2 + length);
    if (marker === 0xe1 && end - start > 14 && data.toString("latin1", start, start + 6) === "Exif\0\0") {
      const orientation = tiffOrientation(data.subarray(start + 6, end));
      if (orientation) return orientation;
    }
    at += 2 + length;
  }
  return 1;
}

function tiffOrientation(tiff: Buffer): number | null {
  const order = tiff.toString("latin1", 0, 2);
  if (order !== "II" && order !== "MM") return null;
  const le = order === "II";
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  if (tiff.length < 8 || u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) !== 0x0112) continue;
    const type = u16(entry + 2);
    // SHORT as it should be; some writers use LONG.
    const value = type === 3 ? u16(entry + 8) : type === 4 ? u32(entry + 8) : 0;
    return value >= 1 && value <= 8 ? value : null;
  }
  return null;
}

/**
 * Maps the stored image (the unit square an image XObject fills) onto the unit square as the photo is
 * meant to be seen, per EXIF orientation: 2 mirrored, 3 turned 180°, 4 flipped, 5 transposed, 6 stored
 * turned left (shown turned 90° clockwise), 7 transverse, 8 stored turned right.
 */
const ORIENT: Record<number, Matrix> = {
  1: [1, 0, 0, 1, 0, 0],
  2: [-1, 0, 0, 1, 1, 0],
  3: [-1, 0, 0, -1, 1, 1],
  4: [1, 0, 0, -1, 0, 1],
  5: [0, -1, -1, 0, 1, 1],
  6: [0, -1, 1, 0, 0, 1],
  7: [0, 1, 1, 0, 0, 0],
  8: [0, 1, -1, 0, 1, 0],
};

const refuse = (key: string, params: Record<string, string | number> = {}) => new DomainError("invalid", `incomingFiles.images.${key}`, params);

/**
 * One PDF from photos of a paper letter, one photo per page, in the given order. Throws DomainError
 * "invalid" (incomingFiles.images.*) for no photos, more than 30, a file that is not JPEG/PNG or cannot
 * be read, or more bytes in total than the PDF upload limit.
 */
export async function imagesToPdf(images: { bytes: Buffer }[], opts: { paperSize?: "A4" | "F4" } = {}): Promise<Buffer> {
  if (images.length === 0) throw refuse("none");
  if (images.length > MAX_IMAGES) throw refuse("tooMany", { max: MAX_IMAGES });
  const limit = maxPdfBytes();
  const total = images.reduce((sum, image) => sum + image.bytes.length, 0);
  if (total > limit) throw refuse("tooLarge", { maxMb: Math.round(limit / 1048576) });
  const types = images.map((image, i) => {
    const type = sniffImageType(image.bytes);
    if (!type) throw refuse("notImage", { index: i + 1 });
    if (type === "image/png") {
      const pixels = pngPixels(image.bytes);
      if (pixels === null) throw refuse("unreadable", { index: i + 1 });
      if (pixels > MAX_PNG_PIXELS) throw refuse("tooManyPixels", { index: i + 1, maxMp: MAX_PNG_PIXELS / 1_000_000 });
    }
    return type;
  });

  const paper = PAPER[opts.paperSize ?? "A4"] ?? PAPER.A4;
  const doc = await PDFDocument.create();
  const now = new Date();
  doc.setProducer("Kawan");
  doc.setCreator("Kawan");
  doc.setCreationDate(now);
  doc.setModificationDate(now);

  for (const [i, image] of images.entries()) {
    let embedded: PDFImage;
    try {
      // A copy: pdf-lib reads a JPEG through its whole ArrayBuffer, ignoring the Buffer's offset in it
      // (small Buffers share Node's pool), so a pooled Buffer would not be found to be a JPEG at all.
      const own = new Uint8Array(image.bytes);
      embedded = types[i] === "image/jpeg" ? await doc.embedJpg(own) : await doc.embedPng(own);
    } catch {
      throw refuse("unreadable", { index: i + 1 });
    }
    if (!(embedded.width > 0 && embedded.height > 0)) throw refuse("unreadable", { index: i + 1 });
    const orientation = types[i] === "image/jpeg" ? jpegOrientation(image.bytes) : 1;
    const swapped = orientation >= 5;
    // The photo's size as seen, in pixels.
    const seenWidth = swapped ? embedded.height : embedded.width;
    const seenHeight = swapped ? embedded.width : embedded.height;

    const boxWidth = paper.width - 2 * MARGIN;
    const boxHeight = paper.height - 2 * MARGIN;
    const upright = Math.min(boxWidth / seenWidth, boxHeight / seenHeight);
    const turned = Math.min(boxWidth / seenHeight, boxHeight / seenWidth);
    const turn = turned > upright * ROTATE_GAIN;
    const scale = turn ? turned : upright;
    const width = seenWidth * scale;
    const height = seenHeight * scale;
    // The drawn box on the page (turned: the photo's width runs up the page).
    const drawnWidth = turn ? height : width;
    const drawnHeight = turn ? width : height;
    const x = (paper.width - drawnWidth) / 2;
    const y = (paper.height - drawnHeight) / 2;

    let matrix = then(ORIENT[orientation] ?? ORIENT[1], [width, 0, 0, height, 0, 0]);
    // A quarter turn anticlockwise, the photo's top to the page's left edge: (p, q) -> (height - q, p).
    if (turn) matrix = then(matrix, [0, 1, -1, 0, height, 0]);
    matrix = then(matrix, [1, 0, 0, 1, x, y]);

    const page = doc.addPage([paper.width, paper.height]);
    const name = page.node.newXObject("Image", embedded.ref);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...matrix), drawObject(name), popGraphicsState());
    if (turn) page.setRotation(degrees(90));
  }

  return Buffer.from(await doc.save());
}
