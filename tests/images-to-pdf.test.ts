import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { imagesToPdf, jpegOrientation } from "@/lib/files/images-to-pdf";

// Photos to PDF, checked as a reader's software sees the result: poppler's pdfinfo for pages and sizes,
// pdftoppm's rendering for which way up each photo lands.

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-images-"));
let fileNo = 0;
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.KAWAN_MAX_PDF_MB;
});

/**
 * 64 x 32 px baseline JPEG (no EXIF), four quadrants: top left red, top right green, bottom left blue,
 * bottom right white. Made once with sharp from raw pixels, quality 90, no chroma subsampling.
 */
const QUADRANTS_JPEG = fs.readFileSync(path.join(import.meta.dirname, "fixtures", "quadrants-64x32.jpg"));

type Colour = "red" | "green" | "blue" | "white";
const RGB: Record<Colour, [number, number, number]> = { red: [230, 20, 20], green: [20, 200, 20], blue: [20, 20, 230], white: [240, 240, 240] };

/** A JPEG with an APP1 EXIF segment carrying `orientation` (IFD0: an ImageWidth tag, then Orientation). */
function withExif(jpeg: Buffer, orientation: number, opts: { bigEndian?: boolean; afterJfif?: boolean; long?: boolean } = {}): Buffer {
  const le = !opts.bigEndian;
  const tiff = Buffer.alloc(8 + 2 + 2 * 12 + 4);
  const u16 = (v: number, o: number) => (le ? tiff.writeUInt16LE(v, o) : tiff.writeUInt16BE(v, o));
  const u32 = (v: number, o: number) => (le ? tiff.writeUInt32LE(v, o) : tiff.writeUInt32BE(v, o));
  tiff.write(le ? "II" : "MM", 0, "latin1");
  u16(42, 2);
  u32(8, 4);
  u16(2, 8);
  // ImageWidth, LONG, 1, 64
  u16(0x0100, 10);
  u16(4, 12);
  u32(1, 14);
  u32(64, 18);
  // Orientation, SHORT (value left-justified in the 4-byte field), 1
  u16(0x0112, 22);
  u16(opts.long ? 4 : 3, 24);
  u32(1, 26);
  if (opts.long) u32(orientation, 30);
  else u16(orientation, 30);
  u32(0, 34); // no next IFD
  const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.alloc(2), payload]);
  app1.writeUInt16BE(payload.length + 2, 2);
  if (opts.afterJfif) {
    const jfif = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
    return Buffer.concat([jpeg.subarray(0, 2), jfif, app1, jpeg.subarray(2)]);
  }
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** An 8-bit RGB PNG with the same four quadrants. */
function quadrantsPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter method, no interlace
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 3)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const colour: Colour = y < height / 2 ? (x < width / 2 ? "red" : "green") : x < width / 2 ? "blue" : "white";
      raw.set(RGB[colour], y * (1 + width * 3) + 1 + x * 3);
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

function save(pdf: Buffer): string {
  const file = path.join(tmp, `doc-${++fileNo}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

type PageInfo = { width: number; height: number; rotation: number };
async function info(pdf: Buffer): Promise<{ pages: number; producer: string; page: PageInfo[] }> {
  const { stdout } = await run("pdfinfo", ["-f", "1", "-l", "1000", save(pdf)]);
  const page: PageInfo[] = [];
  for (const m of stdout.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)) page[Number(m[1]) - 1] = { width: Number(m[2]), height: Number(m[3]), rotation: 0 };
  for (const m of stdout.matchAll(/^Page\s+(\d+) rot:\s+(\d+)/gm)) page[Number(m[1]) - 1].rotation = Number(m[2]);
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]), producer: /^Producer:\s+(.*)$/m.exec(stdout)?.[1] ?? "", page };
}

type Raster = { width: number; height: number; rgb(x: number, y: number): number[] };

/** The page as a viewer shows it (/Rotate applied), at 24 dpi: 1 px = 3 pt. */
async function rasterOf(pdf: Buffer, pageNo = 1): Promise<Raster> {
  const out = path.join(tmp, `page-${++fileNo}`);
  await run("pdftoppm", ["-r", "24", "-f", String(pageNo), "-l", String(pageNo), "-singlefile", save(pdf), out]);
  const ppm = fs.readFileSync(`${out}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString("latin1", 0, 40));
  if (!header) throw new Error("unexpected pdftoppm output");
  const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
  return { width, height, rgb: (x, y) => [...ppm.subarray(offset + (y * width + x) * 3, offset + (y * width + x) * 3 + 3)] };
}

/**
 * The colours seen at the four points 15% of the page's size from its centre: top left, top right,
 * bottom left, bottom right. Each falls inside the photo.
 */
async function quadrantsSeen(pdf: Buffer, pageNo = 1): Promise<{ colours: Colour[]; landscape: boolean }> {
  const r = await rasterOf(pdf, pageNo);
  const at = (fx: number, fy: number): Colour => {
    const pixel = r.rgb(Math.round(fx * r.width), Math.round(fy * r.height));
    const distance = (c: Colour) => RGB[c].reduce((sum, v, k) => sum + (v - pixel[k]) ** 2, 0);
    return (Object.keys(RGB) as Colour[]).sort((a, b) => distance(a) - distance(b))[0];
  };
  return { colours: [at(0.35, 0.35), at(0.65, 0.35), at(0.35, 0.65), at(0.65, 0.65)], landscape: r.width > r.height };
}

/** The box of non-white pixels, in points from the top left of the page as shown. */
async function drawnBox(pdf: Buffer): Promise<{ left: number; top: number; right: number; bottom: number; pageWidth: number; pageHeight: number }> {
  const r = await rasterOf(pdf);
  let [left, top, right, bottom] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < r.height; y++)
    for (let x = 0; x < r.width; x++)
      if (r.rgb(x, y).some((v) => v < 250)) [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x + 1), Math.max(bottom, y + 1)];
  const pt = 72 / 24;
  return { left: left * pt, top: top * pt, right: right * pt, bottom: bottom * pt, pageWidth: r.width * pt, pageHeight: r.height * pt };
}

const UPRIGHT: Colour[] = ["red", "green", "blue", "white"];

describe("jpegOrientation", () => {
  it("reads the EXIF orientation tag in either byte order and wherever APP1 sits among the markers", () => {
    expect(jpegOrientation(QUADRANTS_JPEG)).toBe(1);
    for (let o = 1; o <= 8; o++) {
      expect(jpegOrientation(withExif(QUADRANTS_JPEG, o))).toBe(o);
      expect(jpegOrientation(withExif(QUADRANTS_JPEG, o, { bigEndian: true }))).toBe(o);
      expect(jpegOrientation(withExif(QUADRANTS_JPEG, o, { afterJfif: true }))).toBe(o);
    }
    expect(jpegOrientation(withExif(QUADRANTS_JPEG, 6, { long: true }))).toBe(6);
  });

  it("falls back to 1 for absent, out-of-range or truncated EXIF", () => {
    expect(jpegOrientation(withExif(QUADRANTS_JPEG, 9))).toBe(1);
    expect(jpegOrientation(withExif(QUADRANTS_JPEG, 6).subarray(0, 30))).toBe(1);
    expect(jpegOrientation(Buffer.from([0xff, 0xd8, 0xff]))).toBe(1);
    expect(jpegOrientation(Buffer.from("not a jpeg"))).toBe(1);
  });
});

describe("imagesToPdf", () => {
  it("makes one A4 page per photo, in order, with Kawan as producer", async () => {
    const pdf = await imagesToPdf([{ bytes: withExif(QUADRANTS_JPEG, 6) }, { bytes: quadrantsPng(30, 60) }, { bytes: QUADRANTS_JPEG }]);
    const result = await info(pdf);
    expect(result.pages).toBe(3);
    expect(result.producer).toBe("Kawan");
    for (const page of result.page) {
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.height).toBeCloseTo(841.89, 1);
    }
    // The portrait photos stay upright; the landscape one is turned a quarter on its portrait page.
    expect(result.page.map((p) => p.rotation)).toEqual([0, 0, 90]);
    expect((await quadrantsSeen(pdf, 2)).colours).toEqual(UPRIGHT);
  });

  it("uses F4 paper when asked", async () => {
    const result = await info(await imagesToPdf([{ bytes: quadrantsPng(20, 30) }], { paperSize: "F4" }));
    expect(result.page[0].width).toBeCloseTo(609.45, 1);
    expect(result.page[0].height).toBeCloseTo(935.43, 1);
  });

  it("honours EXIF orientation 6: a photo stored sideways is shown upright, not turned", async () => {
    const pdf = await imagesToPdf([{ bytes: withExif(QUADRANTS_JPEG, 6) }]);
    const seen = await quadrantsSeen(pdf);
    // Stored 64 x 32, seen 32 x 64: the stored image turned 90° clockwise.
    expect(seen.landscape).toBe(false);
    expect(seen.colours).toEqual(["blue", "red", "white", "green"]);
    expect((await info(pdf)).page[0].rotation).toBe(0);
  });

  it("honours EXIF orientation 8 (big-endian EXIF after a JFIF segment)", async () => {
    const pdf = await imagesToPdf([{ bytes: withExif(QUADRANTS_JPEG, 8, { bigEndian: true, afterJfif: true }) }]);
    const seen = await quadrantsSeen(pdf);
    expect(seen.landscape).toBe(false);
    expect(seen.colours).toEqual(["green", "white", "red", "blue"]);
  });

  it("honours EXIF orientation 3 and turns the landscape result so it is larger", async () => {
    const pdf = await imagesToPdf([{ bytes: withExif(QUADRANTS_JPEG, 3) }]);
    expect((await info(pdf)).page[0].rotation).toBe(90);
    const seen = await quadrantsSeen(pdf);
    expect(seen.landscape).toBe(true);
    expect(seen.colours).toEqual(["white", "blue", "green", "red"]);
  });

  it("shows a landscape photo without EXIF upright once the viewer applies the page rotation", async () => {
    const seen = await quadrantsSeen(await imagesToPdf([{ bytes: QUADRANTS_JPEG }]));
    expect(seen.landscape).toBe(true);
    expect(seen.colours).toEqual(UPRIGHT);
  });

  it("does not turn a photo when turning would not make it larger", async () => {
    // 100 x 99: nearly square, turning gains about 1%.
    const result = await info(await imagesToPdf([{ bytes: quadrantsPng(100, 99) }]));
    expect(result.page[0].rotation).toBe(0);
  });

  it("fits the photo within 10 mm margins, keeping its aspect ratio, centred", async () => {
    const margin = (10 * 72) / 25.4;
    // Portrait, wider than the page's proportion: the width is the limit.
    const portrait = await imagesToPdf([{ bytes: quadrantsPng(30, 35) }]);
    const { stdout } = await run("pdfimages", ["-list", save(portrait)]);
    const row = stdout.trim().split("\n").slice(2)[0].trim().split(/\s+/);
    // page num type width height …: the image is embedded at its own pixel size.
    expect(row.slice(0, 5)).toEqual(["1", "0", "image", "30", "35"]);
    let box = await drawnBox(portrait);
    expect(box.left).toBeCloseTo(margin, -1);
    expect(box.pageWidth - box.right).toBeCloseTo(margin, -1);
    expect((box.bottom - box.top) / (box.right - box.left)).toBeCloseTo(35 / 30, 1);
    expect(box.top).toBeCloseTo(box.pageHeight - box.bottom, -1);

    // A long landscape strip, turned: it runs the page's height (the shown width) less the margins.
    box = await drawnBox(await imagesToPdf([{ bytes: quadrantsPng(40, 10) }]));
    expect(box.pageWidth).toBeGreaterThan(box.pageHeight);
    expect(box.left).toBeCloseTo(margin, -1);
    expect(box.pageWidth - box.right).toBeCloseTo(margin, -1);
    expect((box.right - box.left) / (box.bottom - box.top)).toBeCloseTo(4, 1);
    expect(box.top).toBeCloseTo(box.pageHeight - box.bottom, -1);
  });

  async function refusal(promise: Promise<unknown>): Promise<DomainError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("invalid");
    return error as DomainError;
  }

  it("refuses no photos, more than 30, a file that is not JPEG or PNG, and unreadable images", async () => {
    expect((await refusal(imagesToPdf([]))).messageKey).toBe("incomingFiles.images.none");
    const many = Array.from({ length: 31 }, () => ({ bytes: QUADRANTS_JPEG }));
    const tooMany = await refusal(imagesToPdf(many));
    expect(tooMany.messageKey).toBe("incomingFiles.images.tooMany");
    expect(tooMany.params).toEqual({ max: 30 });
    await expect(imagesToPdf(many.slice(0, 30))).resolves.toBeInstanceOf(Buffer);

    const gif = await refusal(imagesToPdf([{ bytes: QUADRANTS_JPEG }, { bytes: Buffer.from("GIF89a\x01\x00\x01\x00", "latin1") }]));
    expect(gif.messageKey).toBe("incomingFiles.images.notImage");
    expect(gif.params).toEqual({ index: 2 });
    const html = await refusal(imagesToPdf([{ bytes: Buffer.from("<html><script>alert(1)</script>") }]));
    expect(html.messageKey).toBe("incomingFiles.images.notImage");

    const broken = await refusal(imagesToPdf([{ bytes: Buffer.concat([QUADRANTS_JPEG.subarray(0, 20)]) }]));
    expect(broken.messageKey).toBe("incomingFiles.images.unreadable");
    expect(broken.params).toEqual({ index: 1 });
    const brokenPng = await refusal(imagesToPdf([{ bytes: quadrantsPng(10, 10).subarray(0, 40) }]));
    expect(brokenPng.messageKey).toBe("incomingFiles.images.unreadable");
  });

  it("refuses more bytes in total than the PDF upload limit", async () => {
    process.env.KAWAN_MAX_PDF_MB = String(500 / (1024 * 1024)); // 500 bytes
    await expect(imagesToPdf([{ bytes: QUADRANTS_JPEG }])).resolves.toBeInstanceOf(Buffer);
    const error = await refusal(imagesToPdf([{ bytes: QUADRANTS_JPEG }, { bytes: QUADRANTS_JPEG }]));
    expect(error.messageKey).toBe("incomingFiles.images.tooLarge");
    expect(error.params).toHaveProperty("maxMb");
  });
});
