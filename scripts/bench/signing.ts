/**
 * TTE signing in-process: a 2-page letter and a 200-page PDF through the whole pipeline (signPdf), beside
 * the bare hash-and-sign step on the same bytes, so the ratio shows what the PDF work costs on top of the
 * cryptography.
 */
import { createHash } from "node:crypto";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { exportPkcs8, generateSigningKeyPair, issueCertificate, newSerialNumber } from "@/lib/signing/certificates";
import { localSignatureProvider } from "@/lib/signing/signature-provider";
import { signPdf } from "@/lib/signing/sign-pdf";
import { findSignatures } from "@/lib/signing/verify-pdf";
import { check, ms, rssSampler, stats, time, type BenchRow } from "./stats";

async function makePdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const line = "Menindaklanjuti surat Kepala Badan Kepegawaian Negara tentang pelaksanaan tugas kedinasan, ";
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let l = 0; l < 40; l++) page.drawText(`${line.slice(0, 80)} ${i + 1}.${l + 1}`, { x: 56, y: 780 - l * 18, size: 10, font });
  }
  return Buffer.from(await doc.save());
}

async function benchProvider() {
  const caKeys = await generateSigningKeyPair();
  const now = new Date();
  const caDer = await issueCertificate({
    subject: { commonName: "Kawan Root CA — Bench", organization: "Pemerintah Kabupaten Bench" },
    subjectPublicKey: caKeys.publicKey,
    selfSigningKey: caKeys.privateKey,
    serialNumber: newSerialNumber(),
    notBefore: now,
    notAfter: new Date(now.getTime() + 365 * 86400_000),
  });
  const signerKeys = await generateSigningKeyPair();
  const signerDer = await issueCertificate({
    subject: { commonName: "Penanda Tangan Bench", serialNumber: "198005172006042011", organization: "Pemerintah Kabupaten Bench" },
    subjectPublicKey: signerKeys.publicKey,
    issuer: { certificateDer: caDer, privateKey: caKeys.privateKey },
    serialNumber: newSerialNumber(),
    notBefore: now,
    notAfter: new Date(now.getTime() + 365 * 86400_000),
  });
  return { provider: localSignatureProvider(await exportPkcs8(signerKeys.privateKey), [signerDer, caDer]), rootDer: Buffer.from(caDer) };
}

export async function benchSigning(quick: boolean): Promise<{ rows: BenchRow[]; peakRssBytes: number }> {
  // Measured first in the run, so the peak is the signing pipeline's own and comparable with earlier results.
  const rss = rssSampler();
  const { provider, rootDer } = await benchProvider();
  const sign = (pdf: Buffer) =>
    signPdf(pdf, {
      provider,
      placement: { pageIndex: 0, x: 1, y: 1 },
      signingTime: new Date(),
      reason: "Bench",
      location: "Banyuwangi",
      block: {
        verificationUrl: "https://kawan.example.go.id/verifikasi/00112233445566778899aabbccddeeff",
        heading: "Ditandatangani secara elektronik oleh",
        signerName: "Dyah Ayu Kusumawati, S.E., M.M.",
        positionLabel: "Plh. Kepala Dinas Kesehatan",
        nip: "19800517 200604 2 011",
        signedAtLabel: "28 November 2026 14.35 WIB",
      },
    });
  const bareHashAndSign = async (pdf: Buffer) => provider.signDigest(createHash("sha256").update(pdf).digest());

  const rows: BenchRow[] = [];
  const verifyRows: BenchRow[] = [];
  for (const [name, pages, runs] of [
    ["Sign a 2-page letter", 2, quick ? 10 : 40],
    ["Sign a 200-page PDF", 200, quick ? 3 : 10],
  ] as const) {
    const pdf = await makePdf(pages);
    const pipeline = stats(await time(runs, () => sign(pdf)));
    // Verifying what was just signed: every signature found by its /ByteRange, digest, CMS and chain to the root.
    const signed = (await sign(pdf)).bytes;
    const verdict = findSignatures(signed, rootDer);
    check(verdict.length === 1 && verdict[0].digestMatches && verdict[0].signatureValid && verdict[0].issuedByRoot, `the signed ${pages}-page PDF does not verify`);
    verifyRows.push({ group: "signing", name: `Verify a signed ${pages}-page PDF (findSignatures)`, stats: stats(await time(runs, () => findSignatures(signed, rootDer))), note: "digest over the byte range, CMS signature, chain to the root" });
    const baseline = stats(await time(runs, () => bareHashAndSign(pdf)));
    rows.push({
      group: "signing",
      name,
      stats: pipeline,
      note: `${(pdf.length / 1024).toFixed(0)} KiB; bare hash+sign median ${ms(baseline.median)} ms (${(pipeline.median / baseline.median).toFixed(1)}x)`,
      extra: { bytes: pdf.length, baseline },
    });
  }
  rss.stop();
  return { rows: [...rows, ...verifyRows], peakRssBytes: rss.peak };
}
