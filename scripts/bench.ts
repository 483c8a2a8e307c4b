/**
 * `npm run bench`: measures the TTE signing pipeline in-process and writes bench/results/latest.{md,json}.
 * Signing a 2-page letter and a 200-page PDF (median, p95) beside the bare hash-and-sign step on the same
 * bytes, plus the process's peak resident memory. Issue 7 extends this suite with HTTP load.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { exportPkcs8, generateSigningKeyPair, issueCertificate, newSerialNumber } from "@/lib/signing/certificates";
import { localSignatureProvider } from "@/lib/signing/signature-provider";
import { signPdf } from "@/lib/signing/sign-pdf";

const quick = process.argv.includes("--quick");

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

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { runs: samples.length, median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up: JIT, font parsing
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return out;
}

async function main() {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);

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
  const provider = localSignatureProvider(await exportPkcs8(signerKeys.privateKey), [signerDer, caDer]);
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

  const rows: { name: string; bytes: number; pipeline: ReturnType<typeof stats>; baseline: ReturnType<typeof stats> }[] = [];
  for (const [name, pages, runs] of [
    ["Sign a 2-page letter", 2, quick ? 10 : 40],
    ["Sign a 200-page PDF", 200, quick ? 3 : 10],
  ] as const) {
    const pdf = await makePdf(pages);
    const pipeline = stats(await time(runs, () => sign(pdf)));
    const baseline = stats(await time(runs, () => bareHashAndSign(pdf)));
    rows.push({ name, bytes: pdf.length, pipeline, baseline });
  }
  clearInterval(sampler);

  const ms = (n: number) => n.toFixed(1);
  const table = [
    "| measurement | file size | runs | median ms | p95 ms | bare hash+sign median ms | ratio (median) |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.name} | ${(r.bytes / 1024).toFixed(0)} KiB | ${r.pipeline.runs} | ${ms(r.pipeline.median)} | ${ms(r.pipeline.p95)} | ${ms(r.baseline.median)} | ${(r.pipeline.median / r.baseline.median).toFixed(1)}x |`),
    "",
    `Peak resident memory of the process: ${(peakRss / 1048576).toFixed(0)} MiB. Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}${quick ? ", --quick" : ""}.`,
  ].join("\n");
  const outDir = path.join(process.cwd(), "bench", "results");
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "latest.md"), `# Kawan benchmark (${new Date().toISOString()})\n\n${table}\n`);
  fs.writeFileSync(path.join(outDir, "latest.json"), JSON.stringify({ at: new Date().toISOString(), quick, peakRssBytes: peakRss, rows }, null, 2));
  console.log(table);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
