/**
 * The hostile upload corpus, generated (nothing binary is committed): broken and dangerous PDFs, files that only
 * pretend to be PDFs or images, and zip bombs. Each entry says what it is, for the failure messages.
 */
import { deflateSync } from "node:zlib";
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from "pdf-lib";
import { TINY_JPEG } from "./hostile";
import { makeTestPdf } from "./signing";
import { zip } from "./xlsx";

export type CorpusFile = { name: string; fileName: string; data: Buffer };

/** A one-page PDF made by pdf-lib, changed by `edit` before it is saved. */
export async function pdfWith(edit: (doc: PDFDocument) => void, objectStreams = false): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595.28, 841.89]).drawText("Surat uji", { x: 72, y: 760, size: 14, font });
  edit(doc);
  return Buffer.from(await doc.save({ useObjectStreams: objectStreams }));
}

const jsAction = (doc: PDFDocument) => doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('pwned')") });

/** A zip whose one entry inflates to `megabytes` MB of zeros (about 1000:1). */
export const zipBomb = (entry: string, megabytes: number) => zip({ [entry]: Buffer.alloc(megabytes * 1024 * 1024) });

/** A JPEG header followed by padding: a "photo" of the given size that sniffs as JPEG. */
export const jpegOfSize = (bytes: number) => Buffer.concat([TINY_JPEG.subarray(0, TINY_JPEG.length - 2), Buffer.alloc(Math.max(0, bytes - TINY_JPEG.length)), Buffer.from([0xff, 0xd9])]);

/** A PNG of 20000 x 20000 pixels that is tiny on disk (one IDAT of zeros, compressed): a decompression bomb. */
export function hugePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20000, 0);
  ihdr.writeUInt32BE(20000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = deflateSync(Buffer.alloc(1024 * 1024)); // a start of the pixel data only: the header is the bomb
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", rows), chunk("IEND", Buffer.alloc(0))]);
}

function crc32(data: Buffer): number {
  let c = ~0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c;
}

/** Every hostile PDF-ish file; none may be stored through any PDF upload path. `maxBytes` is the upload limit in force. */
export async function hostilePdfs(maxBytes: number): Promise<CorpusFile[]> {
  const good = await makeTestPdf(1);
  const text = good.toString("latin1");
  const encrypted = Buffer.from(
    text.replace(/trailer\s*<</, "trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /P -4 >>"),
    "latin1",
  );
  const openActionJs = await pdfWith((doc) => doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(jsAction(doc))));
  const inlineOpenActionJs = await pdfWith((doc) => doc.catalog.set(PDFName.of("OpenAction"), jsAction(doc)));
  const namesJs = await pdfWith((doc) => {
    const tree = doc.context.obj({ Names: [PDFHexString.fromText("x"), doc.context.register(jsAction(doc))] });
    doc.catalog.set(PDFName.of("Names"), doc.context.obj({ JavaScript: doc.context.register(tree) }));
  });
  const launch = await pdfWith((doc) =>
    doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(doc.context.obj({ S: "Launch", F: PDFString.of("cmd.exe"), Win: { F: PDFString.of("cmd.exe"), P: PDFString.of("/c calc") } }))),
  );
  const pageAa = await pdfWith((doc) => doc.getPage(0).node.set(PDFName.of("AA"), doc.context.obj({ O: doc.context.register(jsAction(doc)) })));
  const hiddenInObjectStream = await pdfWith((doc) => doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(jsAction(doc))), true);
  // /J#61vaScript is /JavaScript in PDF syntax: a scanner that greps bytes misses it, a parser does not.
  const hexEscaped = Buffer.from(openActionJs.toString("latin1").replace("/S /JavaScript", "/S /J#61vaScript"), "latin1");
  const xfa = await pdfWith((doc) => doc.catalog.set(PDFName.of("AcroForm"), doc.context.obj({ Fields: [], XFA: doc.context.register(doc.context.flateStream("<xdp:xdp/>")) })));
  const padded = await pdfWith((doc) => {
    doc.catalog.set(PDFName.of("Padding"), doc.context.register(doc.context.stream(new Uint8Array(maxBytes + 1024))));
  });
  return [
    { name: "an empty file", fileName: "kosong.pdf", data: Buffer.alloc(0) },
    { name: "an encrypted PDF (/Encrypt in the trailer)", fileName: "terkunci.pdf", data: encrypted },
    { name: "a truncated PDF", fileName: "terpotong.pdf", data: good.subarray(0, Math.floor(good.length / 2)) },
    { name: "a zip bomb renamed .pdf", fileName: "bom.pdf", data: zipBomb("isi.txt", 20) },
    { name: "a PDF whose /OpenAction runs JavaScript", fileName: "openaction-js.pdf", data: openActionJs },
    { name: "a PDF with a direct /OpenAction << /S /JavaScript >>", fileName: "openaction-inline.pdf", data: inlineOpenActionJs },
    { name: "a PDF with a document-level JavaScript name tree", fileName: "names-js.pdf", data: namesJs },
    { name: "a PDF with a /Launch action", fileName: "launch.pdf", data: launch },
    { name: "a PDF with a page-open /AA JavaScript action", fileName: "page-aa.pdf", data: pageAa },
    { name: "a PDF with JavaScript inside a compressed object stream", fileName: "objstm-js.pdf", data: hiddenInObjectStream },
    { name: "a PDF with /J#61vaScript (hex-escaped name)", fileName: "hex-js.pdf", data: hexEscaped },
    { name: "a PDF with an XFA form", fileName: "xfa.pdf", data: xfa },
    { name: "an HTML/PDF polyglot", fileName: "polyglot.pdf", data: Buffer.concat([Buffer.from("<html><body><script>alert(document.cookie)</script><!--\n"), good, Buffer.from("-->")]) },
    { name: "an SVG/PDF polyglot", fileName: "polyglot-svg.pdf", data: Buffer.concat([Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><!--\n"), good, Buffer.from("--></svg>")]) },
    { name: "an SVG with script named .pdf", fileName: "gambar.pdf", data: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>") },
    { name: "a PDF over the size limit", fileName: "besar.pdf", data: padded },
  ];
}

/** Files offered as the agency logo, a photo or a selfie that must be refused. */
export function hostileImages(): CorpusFile[] {
  return [
    { name: "an SVG with a script", fileName: "logo.svg", data: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><script>alert(document.domain)</script></svg>") },
    { name: "HTML renamed .png", fileName: "logo.png", data: Buffer.from("<html><script>alert(1)</script></html>") },
    { name: "a GIF", fileName: "logo.gif", data: Buffer.from("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;", "latin1") },
    { name: "an empty file", fileName: "kosong.jpg", data: Buffer.alloc(0) },
    { name: "a zip bomb renamed .jpg", fileName: "bom.jpg", data: zipBomb("isi.txt", 20) },
  ];
}
