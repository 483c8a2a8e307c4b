import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDict, PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { renderDocumentPdf } from "@/lib/documents/render/render-document";
import type { RenderInput } from "@/lib/documents/render/render-input";
import { stampForSlot } from "@/lib/documents/render/stamps";
import { signPdf, type SignPdfInput } from "@/lib/signing/sign-pdf";
import { findSignatures } from "@/lib/signing/verify-pdf";
import { renderInput } from "./support/render";
import { makeTestCa, makeTestPdf, makeTestSigner, nssDbTrusting, pdfsig, testBlock, type TestCa } from "./support/signing";

// The number and date stamped at the last signature, in the same incremental update: readable by
// pdftotext, covered by that signature, and leaving the earlier signatures valid.

const run = promisify(execFile);
const NUMBER = "000.1/12/DISKOMINFO/2026";
const DATE = "28 November 2026";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-stamp-"));
let fileNo = 0;
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const tempFile = (pdf: Buffer) => {
  const file = path.join(tmp, `doc-${++fileNo}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
};

let ca: TestCa;
let signers: Awaited<ReturnType<typeof makeTestSigner>>[];
let nss: string;

beforeAll(async () => {
  ca = await makeTestCa();
  signers = [await makeTestSigner(ca, "Wahyu Hidayat, S.Kom., M.T.", "197608232002121003"), await makeTestSigner(ca, "Dyah Ayu Kusumawati, S.E.", "198005172006042011")];
  nss = nssDbTrusting(ca.certificateDer);
}, 60_000);

async function textOf(pdf: Buffer): Promise<string> {
  const { stdout } = await run("pdftotext", ["-layout", tempFile(pdf), "-"]);
  return stdout.replace(/[ \t]+/g, " ");
}

const doc = (over: Partial<RenderInput> = {}): RenderInput =>
  renderInput({ letterhead: { ...renderInput().letterhead, logo: null, email: "" }, ...over });

const signing = (i: number, placement: SignPdfInput["placement"], stamps?: SignPdfInput["stamps"]): SignPdfInput => ({
  provider: signers[i],
  placement,
  block: testBlock(`Penandatangan ${i + 1}`),
  signingTime: new Date(),
  reason: "Menandatangani naskah dinas",
  location: "Banyuwangi",
  stamps,
});

describe("number and date stamped in the last signature's update", () => {
  it("a single signer: the stamps are readable and the signature covers the whole file", async () => {
    const rendered = await renderDocumentPdf(doc());
    expect(await textOf(rendered.pdf)).not.toContain(NUMBER);
    const stamps = [stampForSlot(rendered.numberSlot, NUMBER), stampForSlot(rendered.dateSlot, DATE)];
    const { bytes } = await signPdf(rendered.pdf, signing(0, rendered.signaturePlacements[0], stamps));

    expect(bytes.subarray(0, rendered.pdf.length).equals(rendered.pdf)).toBe(true);
    const text = await textOf(bytes);
    expect(text).toContain(`Nomor : ${NUMBER}`);
    expect(text).toContain(`Tanggal : ${DATE}`);
    const report = pdfsig(bytes, nss);
    expect(report.signatures, report.output).toHaveLength(1);
    expect(report.signatures[0], report.output).toEqual({ valid: true, trusted: true, wholeFile: true });
    const [ours] = findSignatures(bytes, ca.certificateDer);
    expect([ours.digestMatches, ours.signatureValid, ours.coversWholeFile]).toEqual([true, true, true]);
  });

  it("two signers: the first signs without stamps, the second stamps the number; both stay valid", async () => {
    const rendered = await renderDocumentPdf(
      doc({
        layout: "korespondensi",
        internal: false,
        typeName: "Surat Dinas",
        signers: [
          { positionLabel: "Kepala Bidang", onBehalfOf: null },
          { positionLabel: "Kepala Dinas", onBehalfOf: "a.n. Bupati Banyuwangi" },
        ],
      }),
    );
    const first = (await signPdf(rendered.pdf, signing(0, rendered.signaturePlacements[0]))).bytes;
    expect(await textOf(first)).not.toContain(NUMBER);
    const stamps = [stampForSlot(rendered.numberSlot, NUMBER), stampForSlot(rendered.dateSlot, DATE)];
    const second = (await signPdf(first, signing(1, rendered.signaturePlacements[1], stamps))).bytes;

    const text = await textOf(second);
    expect(text).toContain(`Nomor : ${NUMBER}`);
    expect(text).toContain(`Banyuwangi, ${DATE}`);
    const report = pdfsig(second, nss);
    expect(report.signatures.map((s) => s.valid), report.output).toEqual([true, true]);
    expect(report.signatures.map((s) => s.wholeFile), report.output).toEqual([false, true]);
    expect(findSignatures(second, ca.certificateDer).every((s) => s.digestMatches && s.signatureValid)).toBe(true);
  });

  it("centres the judul's NOMOR line once the number is known", async () => {
    const rendered = await renderDocumentPdf(doc({ layout: "judul", internal: false, typeName: "Surat Tugas" }));
    const stamp = stampForSlot(rendered.numberSlot, NUMBER);
    expect(stamp.text).toBe(`NOMOR ${NUMBER}`);
    const { bytes } = await signPdf(rendered.pdf, signing(0, rendered.signaturePlacements[0], [stamp, stampForSlot(rendered.dateSlot, DATE)]));
    const { stdout } = await run("pdftotext", ["-bbox", tempFile(bytes), "-"]);
    const word = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="[\d.]+">NOMOR<\/word>[\s\S]*?xMax="([\d.]+)" yMax="[\d.]+">000\.1/.exec(stdout);
    expect(word).not.toBeNull();
    const [left, right] = [Number(word![1]), Number(word![2])];
    expect((left + right) / 2).toBeCloseTo(rendered.numberSlot.x + rendered.numberSlot.maxWidth / 2, 0);
    expect(stampForSlot(rendered.numberSlot, "Nomor 7 Tahun 2026").text).toBe("NOMOR 7 Tahun 2026");
    expect(pdfsig(bytes, nss).signatures[0]).toEqual({ valid: true, trusted: true, wholeFile: true });
  });

  it("stamps pages with a classic cross-reference, a single content stream and inherited resources", async () => {
    // A page the way other producers write it: /Contents one stream, /Resources on the page tree.
    const pdfDoc = await PDFDocument.create();
    const font = await pdfDoc.embedFont(StandardFonts.Helvetica);
    const page = pdfDoc.addPage([595.28, 841.89]);
    page.drawText("Nomor :", { x: 72, y: 700, size: 12, font });
    const pageTree = pdfDoc.context.lookup(page.node.get(PDFName.of("Parent")), PDFDict);
    pageTree.set(PDFName.of("Resources"), page.node.get(PDFName.of("Resources"))!);
    page.node.delete(PDFName.of("Resources"));
    const contents = page.node.Contents();
    const single = contents && "asArray" in contents ? (contents.asArray()[0] as never) : undefined;
    if (single) page.node.set(PDFName.of("Contents"), single);
    const original = Buffer.from(await pdfDoc.save({ useObjectStreams: false }));
    expect(await textOf(original)).toContain("Nomor :");

    const signed = (await signPdf(original, signing(0, { pageIndex: 0, x: 0.5, y: 0.6 }, [{ pageIndex: 0, x: 120, y: 700, fontSize: 12, text: NUMBER }]))).bytes;
    expect(await textOf(signed)).toContain(`Nomor : ${NUMBER}`);
    expect(pdfsig(signed, nss).signatures[0]).toEqual({ valid: true, trusted: true, wholeFile: true });
    // The page tree's resources are untouched: the page got its own copy.
    const reloaded = await PDFDocument.load(signed);
    expect(reloaded.getPage(0).node.get(PDFName.of("Resources"))).toBeDefined();
  });

  it("stamps a compressed (xref stream) file with several stamps on several pages", async () => {
    const original = await makeTestPdf(2, { objectStreams: true });
    const stamps = [
      { pageIndex: 0, x: 72, y: 600, fontSize: 12, text: "Halaman satu dicap" },
      { pageIndex: 1, x: 72, y: 600, fontSize: 12, text: "Halaman dua dicap" },
      { pageIndex: 1, x: 72, y: 580, fontSize: 10, text: "Baris kedua" },
    ];
    const signed = (await signPdf(original, signing(0, { pageIndex: 1, x: 0.5, y: 0.8 }, stamps))).bytes;
    const text = await textOf(signed);
    for (const s of stamps) expect(text).toContain(s.text);
    expect(pdfsig(signed, nss).signatures[0]).toEqual({ valid: true, trusted: true, wholeFile: true });
  });
});
