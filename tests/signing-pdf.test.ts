import { beforeAll, describe, expect, it } from "vitest";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { signPdf, type SignPdfInput } from "@/lib/signing/sign-pdf";
import { findSignatures } from "@/lib/signing/verify-pdf";
import { PdfInputError, MAX_PDF_PAGES } from "@/lib/signing/pdf-input";
import { BLOCK_HEIGHT, BLOCK_WIDTH } from "@/lib/signing/appearance";
import { makeTestCa, makeTestPdf, makeTestSigner, nssDbTrusting, pdfsig, testBlock, type TestCa } from "./support/signing";

let ca: TestCa;
let signers: Awaited<ReturnType<typeof makeTestSigner>>[];
let nss: string;

beforeAll(async () => {
  ca = await makeTestCa();
  signers = [
    await makeTestSigner(ca, "Dyah Ayu Kusumawati, S.E., M.M.", "198005172006042011"),
    await makeTestSigner(ca, "Wahyu Hidayat, S.Kom., M.T.", "197608232002121003"),
    await makeTestSigner(ca, "Dr. Ir. Bambang Sutrisno, M.Si.", "196809101994031001"),
  ];
  nss = nssDbTrusting(ca.certificateDer);
}, 60_000);

const input = (i: number, placement = { pageIndex: 0, x: 0.5, y: 0.55 + 0.12 * i }): SignPdfInput => ({
  provider: signers[i],
  placement,
  block: testBlock(`Penandatangan ${i + 1}`),
  signingTime: new Date(),
  reason: "Persetujuan naskah dinas",
  location: "Banyuwangi",
});

async function signInTurn(pdf: Buffer, count: number): Promise<Buffer> {
  for (let i = 0; i < count; i++) pdf = (await signPdf(pdf, input(i))).bytes;
  return pdf;
}

describe("PAdES signatures checked by poppler's pdfsig", () => {
  for (const objectStreams of [false, true]) {
    for (const count of [1, 2, 3]) {
      it(`${count} sequential signer(s), ${objectStreams ? "compressed (xref stream)" : "classic"} cross-reference`, async () => {
        const original = await makeTestPdf(2, { objectStreams });
        const signed = await signInTurn(original, count);
        expect(signed.subarray(0, original.length).equals(original)).toBe(true); // incremental: the original is untouched
        const report = pdfsig(signed, nss);
        expect(report.signatures, report.output).toHaveLength(count);
        for (const s of report.signatures) {
          expect(s.valid, report.output).toBe(true);
          expect(s.trusted, report.output).toBe(true);
        }
        expect(report.signatures[count - 1].wholeFile, report.output).toBe(true);
        expect(report.output).toContain("ETSI.CAdES.detached");
        const ours = findSignatures(signed, ca.certificateDer);
        expect(ours.map((s) => [s.digestMatches, s.signatureValid, s.issuedByRoot])).toEqual(Array(count).fill([true, true, true]));
        expect(ours.map((s) => s.coversWholeFile)).toEqual([...Array(count - 1).fill(false), true]);
        expect(ours[0].signerNip).toBe("198005172006042011");
      });
    }
  }

  it("keeps a signature valid when the same person signs twice (pdfsig's NSS only re-checks the certificate once)", async () => {
    let pdf = await makeTestPdf(1);
    pdf = (await signPdf(pdf, input(0))).bytes;
    pdf = (await signPdf(pdf, { ...input(0), placement: { pageIndex: 0, x: 0.1, y: 0.1 } })).bytes;
    const report = pdfsig(pdf, nss);
    expect(report.signatures.map((s) => s.valid)).toEqual([true, true]);
    expect(findSignatures(pdf, ca.certificateDer).every((s) => s.signatureValid && s.digestMatches && s.issuedByRoot)).toBe(true);
  });

  it("puts the block upright on rotated pages and inside the page", async () => {
    for (const rotate of [90, 180, 270]) {
      const signed = (await signPdf(await makeTestPdf(1, { rotate }), input(0, { pageIndex: 0, x: 0.9, y: 0.9 }))).bytes;
      expect(pdfsig(signed, nss).signatures[0].valid).toBe(true);
      const doc = await PDFDocument.load(signed);
      const page = doc.getPage(0);
      const annots = page.node.Annots()!;
      const rect = String(doc.context.lookup(annots.get(0)));
      const [x1, y1, x2, y2] = /Rect \[ ([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) \]/.exec(rect)!.slice(1).map(Number);
      const { width, height } = page.getSize();
      expect(x1).toBeGreaterThanOrEqual(0);
      expect(y1).toBeGreaterThanOrEqual(0);
      expect(x2).toBeLessThanOrEqual(width + 0.01);
      expect(y2).toBeLessThanOrEqual(height + 0.01);
      // A quarter turn swaps the block's width and height in page space.
      expect(Math.round(x2 - x1)).toBe(rotate === 180 ? BLOCK_WIDTH : BLOCK_HEIGHT);
    }
  });
});

describe("automatic placement", () => {
  it("puts the block on the last page, inside the margins, above earlier signatures", async () => {
    let pdf = await makeTestPdf(3);
    for (let i = 0; i < 2; i++) pdf = (await signPdf(pdf, input(i, { pageIndex: -1, x: 1, y: 1 }))).bytes;
    expect(pdfsig(pdf, nss).signatures.map((s) => s.valid)).toEqual([true, true]);
    const doc = await PDFDocument.load(pdf);
    const last = doc.getPage(2);
    const rects = (last.node.Annots()?.asArray() ?? []).map((ref) => {
      const text = String(doc.context.lookup(ref));
      return /Rect \[ ([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) \]/.exec(text)!.slice(1).map(Number);
    });
    expect(rects).toHaveLength(2);
    const { width } = last.getSize();
    for (const [x1, y1, x2] of rects) {
      expect(x2).toBeLessThanOrEqual(width - 28 + 0.01);
      expect(y1).toBeGreaterThanOrEqual(28 - 0.01);
      expect(x1).toBeGreaterThan(0);
    }
    const [a, b] = rects;
    const overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    expect(overlap).toBe(false);
    expect(doc.getPage(0).node.Annots()?.size() ?? 0).toBe(0);
  });
});

describe("anchor placement", () => {
  it("puts the block where the drafter typed the # marker, and says so when there is none", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595.28, 841.89]).drawText("Halaman pertama", { x: 72, y: 760, size: 12, font });
    const second = doc.addPage([595.28, 841.89]);
    second.drawText("Kepala Dinas Komunikasi, Informatika dan Persandian", { x: 300, y: 240, size: 11, font });
    second.drawText("#", { x: 300, y: 200, size: 12, font });
    const pdf = Buffer.from(await doc.save());
    const signed = (await signPdf(pdf, { ...input(0), placement: { anchor: "#" } })).bytes;
    expect(pdfsig(signed, nss).signatures[0].valid).toBe(true);
    const loaded = await PDFDocument.load(signed);
    const annots = loaded.getPage(1).node.Annots();
    if (!annots) throw new Error("no signature field on page 2");
    const [x1, , , y2] = /Rect \[ ([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) \]/.exec(String(loaded.context.lookup(annots.get(0))))!.slice(1).map(Number);
    expect(x1).toBeCloseTo(300, 0);
    expect(y2).toBeGreaterThan(200);
    expect(y2).toBeLessThan(200 + 20);

    const reason = await signPdf(await makeTestPdf(1), { ...input(0), placement: { anchor: "#" } }).catch((e) => (e instanceof PdfInputError ? e.messageKey : "other"));
    expect(reason).toBe("pdf.anchorNotFound");
  });
});

describe("tampering is detected", () => {
  it("one byte changed inside a signed range invalidates the signature", async () => {
    const original = await makeTestPdf(1);
    const signed = await signInTurn(original, 1);
    const tampered = Buffer.from(signed);
    tampered[Math.floor(original.length / 2)] ^= 0x01; // inside the page content, well within the signed range
    expect(pdfsig(tampered, nss).signatures[0].valid).toBe(false);
    expect(findSignatures(tampered, ca.certificateDer)[0].digestMatches).toBe(false);
  });

  it("bytes appended after the last signature are not covered by it", async () => {
    const signed = await signInTurn(await makeTestPdf(1), 2);
    const appended = Buffer.concat([signed, Buffer.from("\n% appended later\n")]);
    const ours = findSignatures(appended, ca.certificateDer);
    expect(ours.every((s) => s.digestMatches && s.signatureValid)).toBe(true);
    expect(ours[1].coversWholeFile).toBe(false);
    expect(pdfsig(appended, nss).signatures[1].wholeFile).toBe(false);
  });

  it("a signature from a certificate outside the agency CA is not issued by the root", async () => {
    const stranger = await makeTestSigner(await makeTestCa(), "Orang Lain", "199001012015031001");
    const signed = (await signPdf(await makeTestPdf(1), { ...input(0), provider: stranger })).bytes;
    const [found] = findSignatures(signed, ca.certificateDer);
    expect(found.signatureValid).toBe(true);
    expect(found.issuedByRoot).toBe(false);
  });
});

describe("bad input is refused with a specific reason", () => {
  const reason = async (bytes: Buffer) => {
    try {
      await signPdf(bytes, input(0));
      return "signed";
    } catch (error) {
      if (error instanceof PdfInputError) return error.messageKey;
      throw error;
    }
  };

  it("names what is wrong with each broken file", async () => {
    const good = await makeTestPdf(1);
    expect(await reason(Buffer.alloc(0))).toBe("pdf.empty");
    expect(await reason(Buffer.from("PK\u0003\u0004 a zip file renamed to .pdf"))).toBe("pdf.notPdf");
    expect(await reason(good.subarray(0, Math.floor(good.length / 2)))).toBe("pdf.truncated");
    const text = good.toString("latin1");
    const encrypted = Buffer.from(text.replace("trailer\n<<", "trailer\n<<\n/Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>"), "latin1");
    expect(await reason(encrypted)).toBe("pdf.encrypted");
    const brokenXref = Buffer.from(text.replace(/startxref\s+\d+/, "startxref\n17"), "latin1");
    expect(await reason(brokenXref)).toBe("pdf.brokenXref");
    expect(await reason(Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nstartxref\n9\n%%EOF\n"))).toBe("pdf.unreadable");
  });

  it("refuses documents with an absurd page count", async () => {
    expect(await reason(await makeTestPdf(MAX_PDF_PAGES + 1))).toBe("pdf.tooManyPages");
  });
});
