import { createHash, randomBytes } from "node:crypto";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject, type PDFObjectCopier } from "pdf-lib";
import { BLOCK_HEIGHT, BLOCK_WIDTH, buildSignatureAppearance, buildTextStamp, fontCopier, type SignatureBlockText } from "./appearance";
import { findAnchor } from "./anchor";
import { PdfInputError } from "./pdf-input";

/** Bytes reserved for the CMS: room for a 3072-bit chain now and an RFC 3161 timestamp later. */
export const SIGNATURE_CONTENTS_BYTES = 16384;
const BYTE_RANGE_PLACEHOLDER = "[0 0000000000 0000000000 0000000000]";

/**
 * Where the block goes. Either as the reader sees the page: its top-left corner as fractions of the
 * displayed (rotated, cropped) page (pageIndex -1 is the last page; x = y = 1 the default bottom-right
 * spot); or at the first occurrence of an anchor character typed in the document, such as "#".
 */
export type Placement = { pageIndex: number; x: number; y: number } | { anchor: string };

export type PreparedSignature = {
  /** The whole file with the signature placeholder, ready to be hashed. */
  bytes: Buffer;
  byteRange: [number, number, number, number];
  contentsOffset: number;
  fieldName: string;
  /** SHA-256 over the byte ranges: what the CMS signs. */
  digest: Buffer;
};

/** Text drawn on a page in the signature's update (the final number, the date): PDF user space, baseline start. */
export type TextStamp = { pageIndex: number; x: number; y: number; fontSize: number; text: string };

type Meta = { signingTime: Date; signerName: string; reason: string; location: string };

const latin = (s: string) => Buffer.from(s, "latin1");

/** The last cross-reference section: where it starts, whether it is a stream, and the trailer's /Size. */
function lastXref(pdf: Buffer): { offset: number; isStream: boolean; size: number } {
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048)).toString("latin1");
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new PdfInputError("pdf.noTrailer");
  const offset = Number(match[1]);
  if (offset <= 0 || offset >= pdf.length) throw new PdfInputError("pdf.brokenXref");
  const head = pdf.subarray(offset, Math.min(pdf.length, offset + 4096)).toString("latin1").trimStart();
  const isStream = !head.startsWith("xref");
  // The dictionary that holds /Size: the trailer after a classic table, or the XRef stream object's own.
  const dictText = isStream ? /^\d+\s+\d+\s+obj\s*<<([\s\S]*?)stream/.exec(head)?.[1] : head.slice(head.indexOf("trailer"));
  if (!dictText || (isStream && !/\/Type\s*\/XRef/.test(dictText))) throw new PdfInputError("pdf.brokenXref");
  const size = /\/Size\s+(\d+)/.exec(dictText);
  if (!size) throw new PdfInputError("pdf.brokenXref");
  return { offset, isStream, size: Number(size[1]) };
}

/** Maps a displayed point (points from the top-left of the rotated crop box) to PDF user space. */
function toUserSpace(box: { x: number; y: number; width: number; height: number }, rotation: number, dx: number, dy: number) {
  const { x: cx, y: cy, width: cw, height: ch } = box;
  switch (rotation) {
    case 90:
      return { x: cx + dy, y: cy + dx };
    case 180:
      return { x: cx + cw - dx, y: cy + dy };
    case 270:
      return { x: cx + cw - dy, y: cy + ch - dx };
    default:
      return { x: cx + dx, y: cy + ch - dy };
  }
}

/** About 1 cm: printers clip what is closer to the edge. */
const PAGE_MARGIN = 28;

/** Rectangles (user space) of the signature fields already on a page. */
function existingSignatureRects(doc: PDFDocument, pageNode: PDFDict): number[][] {
  const annots = pageNode.lookup(PDFName.of("Annots"));
  if (!(annots instanceof PDFArray)) return [];
  const rects: number[][] = [];
  for (let i = 0; i < annots.size(); i++) {
    const annot = doc.context.lookup(annots.get(i));
    if (!(annot instanceof PDFDict) || annot.get(PDFName.of("FT")) !== PDFName.of("Sig")) continue;
    const rect = annot.lookup(PDFName.of("Rect"));
    if (rect instanceof PDFArray && rect.size() === 4) {
      const [x1, y1, x2, y2] = rect.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0));
      rects.push([Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)]);
    }
  }
  return rects;
}

/** The inverse of toUserSpace: a user-space point as displayed, from the top-left of the rotated crop box. */
function fromUserSpace(box: { x: number; y: number; width: number; height: number }, rotation: number, ux: number, uy: number) {
  const { x: cx, y: cy, width: cw, height: ch } = box;
  switch (rotation) {
    case 90:
      return { x: uy - cy, y: ux - cx };
    case 180:
      return { x: cx + cw - ux, y: uy - cy };
    case 270:
      return { x: cy + ch - uy, y: cx + cw - ux };
    default:
      return { x: ux - cx, y: cy + ch - uy };
  }
}

/** Counter-rotation so the block reads upright on a page shown with /Rotate. */
const MATRIX: Record<number, number[]> = { 0: [1, 0, 0, 1, 0, 0], 90: [0, 1, -1, 0, 0, 0], 180: [-1, 0, 0, -1, 0, 0], 270: [0, -1, 1, 0, 0, 0] };

function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

function textString(s: string): string {
  return PDFHexString.fromText(s).toString();
}

function serialize(ref: PDFRef, object: PDFObject): Buffer {
  const body = Buffer.alloc(object.sizeInBytes());
  object.copyBytesInto(body, 0);
  return Buffer.concat([latin(`${ref.objectNumber} ${ref.generationNumber} obj\n`), body, latin("\nendobj\n")]);
}

function xrefTable(entries: { num: number; gen: number; offset: number }[]): string {
  const sorted = [...entries].sort((a, b) => a.num - b.num);
  let out = "xref\n";
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].num === sorted[j].num + 1) j++;
    out += `${sorted[i].num} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) out += `${String(sorted[k].offset).padStart(10, "0")} ${String(sorted[k].gen).padStart(5, "0")} n\r\n`;
    i = j + 1;
  }
  return out;
}

function xrefStream(num: number, entries: { num: number; gen: number; offset: number }[], trailer: string): Buffer {
  const sorted = [...entries].sort((a, b) => a.num - b.num);
  const index: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].num === sorted[j].num + 1) j++;
    index.push(sorted[i].num, j - i + 1);
    i = j + 1;
  }
  const rows = Buffer.alloc(sorted.length * 7);
  sorted.forEach((e, i) => {
    rows.writeUInt8(1, i * 7);
    rows.writeUInt32BE(e.offset, i * 7 + 1);
    rows.writeUInt16BE(e.gen, i * 7 + 5);
  });
  return Buffer.concat([
    latin(`${num} 0 obj\n<< /Type /XRef /W [1 4 2] /Index [${index.join(" ")}] /Length ${rows.length} ${trailer} >>\nstream\n`),
    rows,
    latin("\nendstream\nendobj\n"),
  ]);
}

/** The page's own /Resources, copied from the page tree when inherited (the copy then changes the page only). */
function ownResources(doc: PDFDocument, page: PDFDict, pageRef: PDFRef, changed: Map<number, PDFRef>): { dict: PDFDict; touch: () => void } {
  const context = doc.context;
  const raw = page.get(PDFName.of("Resources"));
  if (raw instanceof PDFRef) {
    const dict = context.lookup(raw);
    if (dict instanceof PDFDict) return { dict, touch: () => changed.set(raw.objectNumber, raw) };
  }
  const touchPage = () => changed.set(pageRef.objectNumber, pageRef);
  if (raw instanceof PDFDict) return { dict: raw, touch: touchPage };
  let inherited: PDFDict | undefined;
  for (let node = context.lookup(page.get(PDFName.of("Parent"))); node instanceof PDFDict && !inherited; node = context.lookup(node.get(PDFName.of("Parent")))) {
    const found = context.lookup(node.get(PDFName.of("Resources")));
    if (found instanceof PDFDict) inherited = found;
  }
  const dict = inherited ? inherited.clone(context) : context.obj({});
  // The copy's direct sub-dictionaries are shared with the page tree's: give /XObject its own before adding to it.
  const xobjects = dict.get(PDFName.of("XObject"));
  if (xobjects instanceof PDFDict) dict.set(PDFName.of("XObject"), xobjects.clone(context));
  page.set(PDFName.of("Resources"), dict);
  touchPage();
  return { dict, touch: touchPage };
}

/** The page's /XObject dictionary, created where missing; whichever object holds it is marked changed. */
function pageXObjects(doc: PDFDocument, page: PDFDict, pageRef: PDFRef, changed: Map<number, PDFRef>): PDFDict {
  const resources = ownResources(doc, page, pageRef, changed);
  const raw = resources.dict.get(PDFName.of("XObject"));
  if (raw instanceof PDFRef) {
    const dict = doc.context.lookup(raw);
    if (dict instanceof PDFDict) {
      changed.set(raw.objectNumber, raw);
      return dict;
    }
  }
  resources.touch();
  if (raw instanceof PDFDict) return raw;
  const dict = doc.context.obj({});
  resources.dict.set(PDFName.of("XObject"), dict);
  return dict;
}

/**
 * Draws each stamp on its page: a Form XObject per stamp, shown by a content stream appended to the
 * page's /Contents. The old content is wrapped in q/Q so whatever graphics state it leaves behind does
 * not move the stamp.
 */
async function addTextStamps(doc: PDFDocument, stamps: TextStamp[], copier: PDFObjectCopier, changed: Map<number, PDFRef>): Promise<void> {
  const context = doc.context;
  const pages = doc.getPages();
  const byPage = new Map<number, TextStamp[]>();
  for (const stamp of stamps) {
    if (!stamp.text.trim()) continue;
    if (!Number.isInteger(stamp.pageIndex) || stamp.pageIndex < 0 || stamp.pageIndex >= pages.length) throw new PdfInputError("pdf.noSuchPage");
    byPage.set(stamp.pageIndex, [...(byPage.get(stamp.pageIndex) ?? []), stamp]);
  }
  const num = (n: number) => String(Math.round(n * 1000) / 1000);
  for (const [pageIndex, onPage] of byPage) {
    const page = pages[pageIndex];
    const xobjects = pageXObjects(doc, page.node, page.ref, changed);
    let ops = "Q\n";
    let n = 0;
    for (const stamp of onPage) {
      const { ref } = await buildTextStamp(context, stamp.text, stamp.fontSize, copier);
      while (xobjects.has(PDFName.of(`KwnStamp${n}`))) n++;
      xobjects.set(PDFName.of(`KwnStamp${n}`), ref);
      ops += `q 1 0 0 1 ${num(stamp.x)} ${num(stamp.y)} cm /KwnStamp${n} Do Q\n`;
    }
    const before = context.register(context.stream("q\n"));
    const after = context.register(context.stream(ops));
    const contents = page.node.get(PDFName.of("Contents"));
    const target = contents instanceof PDFRef ? context.lookup(contents) : contents;
    if (contents instanceof PDFRef && target instanceof PDFArray) {
      target.insert(0, before);
      target.push(after);
      changed.set(contents.objectNumber, contents);
    } else {
      const list = target instanceof PDFArray ? target.asArray() : contents instanceof PDFRef ? [contents] : [];
      page.node.set(PDFName.of("Contents"), context.obj([before, ...list, after]));
      changed.set(page.ref.objectNumber, page.ref);
    }
  }
}

/**
 * Appends, as an incremental update, a signature field with its visible block and an empty signature
 * value, leaving every byte of the existing file (and so every earlier signature) untouched. `stamps`
 * (the final number and date at the last signature) are drawn on their pages in the same update.
 */
export async function prepareSignature(
  pdf: Buffer,
  doc: PDFDocument,
  placement: Placement,
  block: SignatureBlockText,
  meta: Meta,
  stamps: TextStamp[] = [],
): Promise<PreparedSignature> {
  const previous = lastXref(pdf);
  const context = doc.context;
  // Objects in compressed xref streams are not all counted by pdf-lib: new numbers start at /Size.
  const firstNew = Math.max(previous.size, context.largestObjectNumber + 1);
  context.largestObjectNumber = firstNew - 1;

  const pages = doc.getPages();
  const anchor = "anchor" in placement ? await findAnchor(pdf, placement.anchor) : null;
  if ("anchor" in placement && !anchor) throw new PdfInputError("pdf.anchorNotFound");
  let pageIndex = 0;
  if (anchor) pageIndex = anchor.pageIndex;
  else if ("pageIndex" in placement) pageIndex = placement.pageIndex === -1 ? pages.length - 1 : placement.pageIndex;
  if (pageIndex < 0 || pageIndex >= pages.length) throw new PdfInputError("pdf.noSuchPage");
  const page = pages[pageIndex];
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  const box = page.getCropBox();
  const turned = rotation === 90 || rotation === 270;
  const shownWidth = turned ? box.height : box.width;
  const shownHeight = turned ? box.width : box.height;
  const shown = anchor ? fromUserSpace(box, rotation, anchor.x, anchor.y) : null;
  const fractionX = shown ? shown.x / shownWidth : "x" in placement ? placement.x : 1;
  const fractionY = shown ? shown.y / shownHeight : "y" in placement ? placement.y : 1;
  // Keep the block a printer's margin away from the edges (where the page allows it).
  const clamp = (value: number, size: number, shown: number) =>
    Math.min(Math.max(value, Math.min(PAGE_MARGIN, Math.max(0, shown - size) / 2)), Math.max(0, shown - size - PAGE_MARGIN));
  const dx = clamp(Math.min(Math.max(fractionX, 0), 1) * shownWidth, BLOCK_WIDTH, shownWidth);
  let dy = clamp(Math.min(Math.max(fractionY, 0), 1) * shownHeight, BLOCK_HEIGHT, shownHeight);
  const rectAt = (top: number) => {
    const corners = [toUserSpace(box, rotation, dx, top), toUserSpace(box, rotation, dx + BLOCK_WIDTH, top + BLOCK_HEIGHT)];
    return [
      Math.min(corners[0].x, corners[1].x),
      Math.min(corners[0].y, corners[1].y),
      Math.max(corners[0].x, corners[1].x),
      Math.max(corners[0].y, corners[1].y),
    ].map((n) => Math.round(n * 100) / 100);
  };
  // Never cover an earlier signature: move up a block at a time while the spot is taken.
  const taken = existingSignatureRects(doc, page.node);
  const overlaps = (r: number[]) => taken.some((t) => r[0] < t[2] && t[0] < r[2] && r[1] < t[3] && t[1] < r[3]);
  let rect = rectAt(dy);
  while (overlaps(rect) && dy - (BLOCK_HEIGHT + 8) >= 0) {
    dy -= BLOCK_HEIGHT + 8;
    rect = rectAt(dy);
  }

  const changed = new Map<number, PDFRef>();
  const copier = await fontCopier(context);
  const appearanceRef = await buildSignatureAppearance(context, block, MATRIX[rotation] ?? MATRIX[0], copier);
  // The number and date, in this same update: the signature made over it covers them.
  await addTextStamps(doc, stamps, copier, changed);
  const signatureRef = context.nextRef();
  const fieldName = `TTE-${meta.signingTime.getTime()}-${randomBytes(4).toString("hex")}`;
  const widget = context.obj({
    Type: "Annot",
    Subtype: "Widget",
    FT: "Sig",
    T: PDFString.of(fieldName),
    V: signatureRef,
    F: 132, // Print + Locked
    P: page.ref,
    Rect: rect,
    AP: { N: appearanceRef },
  });
  const widgetRef = context.register(widget);

  // The page's /Annots: update the array object where it is indirect, the page dictionary otherwise.
  const annotsRaw = page.node.get(PDFName.of("Annots"));
  if (annotsRaw instanceof PDFRef) {
    const annots = context.lookup(annotsRaw, PDFArray);
    annots.push(widgetRef);
    changed.set(annotsRaw.objectNumber, annotsRaw);
  } else {
    const annots = annotsRaw instanceof PDFArray ? annotsRaw : context.obj([]);
    annots.push(widgetRef);
    page.node.set(PDFName.of("Annots"), annots);
    changed.set(page.ref.objectNumber, page.ref);
  }

  // The document's AcroForm: /SigFlags 3 (signatures exist, append only) and the field in /Fields.
  const rootRef = context.trailerInfo.Root as PDFRef;
  const catalog = context.lookup(rootRef, PDFDict);
  const acroRaw = catalog.get(PDFName.of("AcroForm"));
  let acroForm: PDFDict;
  if (acroRaw instanceof PDFRef) {
    acroForm = context.lookup(acroRaw, PDFDict);
    changed.set(acroRaw.objectNumber, acroRaw);
  } else if (acroRaw instanceof PDFDict) {
    acroForm = acroRaw;
    changed.set(rootRef.objectNumber, rootRef);
  } else {
    acroForm = context.obj({});
    catalog.set(PDFName.of("AcroForm"), context.register(acroForm));
    changed.set(rootRef.objectNumber, rootRef);
  }
  const fieldsRaw = acroForm.get(PDFName.of("Fields"));
  if (fieldsRaw instanceof PDFRef) {
    context.lookup(fieldsRaw, PDFArray).push(widgetRef);
    changed.set(fieldsRaw.objectNumber, fieldsRaw);
  } else {
    const fields = fieldsRaw instanceof PDFArray ? fieldsRaw : context.obj([]);
    fields.push(widgetRef);
    acroForm.set(PDFName.of("Fields"), fields);
  }
  acroForm.set(PDFName.of("SigFlags"), PDFNumber.of(3));

  // Serialise: the new objects, the changed ones, then the signature value with its placeholder.
  const start = pdf.length + (pdf[pdf.length - 1] === 0x0a ? 0 : 1);
  const parts: Buffer[] = pdf[pdf.length - 1] === 0x0a ? [] : [latin("\n")];
  const entries: { num: number; gen: number; offset: number }[] = [];
  let position = start;
  const write = (num: number, gen: number, bytes: Buffer) => {
    entries.push({ num, gen, offset: position });
    parts.push(bytes);
    position += bytes.length;
  };
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const isNew = ref.objectNumber >= firstNew;
    if (isNew || changed.has(ref.objectNumber)) write(ref.objectNumber, ref.generationNumber, serialize(ref, object));
  }
  const contentsHex = "0".repeat(SIGNATURE_CONTENTS_BYTES * 2);
  const signatureHead =
    `${signatureRef.objectNumber} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ` +
    `/ByteRange ${BYTE_RANGE_PLACEHOLDER} /Contents <`;
  const signatureTail =
    `> /M (${pdfDate(meta.signingTime)}) /Name ${textString(meta.signerName)} /Reason ${textString(meta.reason)} ` +
    `/Location ${textString(meta.location)} >>\nendobj\n`;
  const signatureOffset = position;
  write(signatureRef.objectNumber, 0, latin(signatureHead + contentsHex + signatureTail));
  const contentsOffset = signatureOffset + signatureHead.length - 1; // at "<"

  const trailerEntries = [
    `/Root ${rootRef.toString()}`,
    context.trailerInfo.Info ? `/Info ${context.trailerInfo.Info.toString()}` : "",
    context.trailerInfo.ID ? `/ID ${context.trailerInfo.ID.toString()}` : "",
    `/Prev ${previous.offset}`,
  ].filter(Boolean);
  const xrefOffset = position;
  if (previous.isStream) {
    const xrefNum = context.largestObjectNumber + 1;
    entries.push({ num: xrefNum, gen: 0, offset: xrefOffset });
    parts.push(xrefStream(xrefNum, entries, `/Size ${xrefNum + 1} ${trailerEntries.join(" ")}`));
  } else {
    const size = context.largestObjectNumber + 1;
    parts.push(latin(`${xrefTable(entries)}trailer\n<< /Size ${size} ${trailerEntries.join(" ")} >>\n`));
  }
  parts.push(latin(`startxref\n${xrefOffset}\n%%EOF\n`));

  const bytes = Buffer.concat([pdf, ...parts]);
  const contentsEnd = contentsOffset + contentsHex.length + 2;
  const byteRange: [number, number, number, number] = [0, contentsOffset, contentsEnd, bytes.length - contentsEnd];
  const rangeText = `[${byteRange.join(" ")}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, " ");
  const rangeAt = bytes.indexOf(BYTE_RANGE_PLACEHOLDER, signatureOffset, "latin1");
  bytes.write(rangeText, rangeAt, "latin1");
  const digest = createHash("sha256").update(bytes.subarray(0, contentsOffset)).update(bytes.subarray(contentsEnd)).digest();
  return { bytes, byteRange, contentsOffset, fieldName, digest };
}

/** Writes the CMS into the placeholder; the result is the signed file. */
export function embedSignature(prepared: PreparedSignature, cms: Buffer): Buffer {
  if (cms.length > SIGNATURE_CONTENTS_BYTES) throw new Error(`CMS of ${cms.length} bytes does not fit the placeholder`);
  const out = Buffer.from(prepared.bytes);
  out.write(cms.toString("hex"), prepared.contentsOffset + 1, "latin1");
  return out;
}
