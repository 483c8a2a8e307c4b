import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { exportPkcs8, generateSigningKeyPair, issueCertificate, certificatePem, newSerialNumber } from "@/lib/signing/certificates";
import { localSignatureProvider, type SignatureProvider } from "@/lib/signing/signature-provider";
import type { SignatureBlockText } from "@/lib/signing/appearance";

export type TestCa = { certificateDer: Buffer; privateKey: CryptoKey };

/** A throwaway agency root CA, as lib/signing/authority.ts would make. */
export async function makeTestCa(): Promise<TestCa> {
  const keys = await generateSigningKeyPair();
  const now = new Date();
  const certificateDer = await issueCertificate({
    subject: { commonName: "Kawan Root CA — Kabupaten Uji", organization: "Pemerintah Kabupaten Uji" },
    subjectPublicKey: keys.publicKey,
    selfSigningKey: keys.privateKey,
    serialNumber: newSerialNumber(),
    notBefore: new Date(now.getTime() - 365 * 86400_000), // well before the fixed signing times the tests use
    notAfter: new Date(now.getTime() + 20 * 365 * 86400_000),
  });
  return { certificateDer, privateKey: keys.privateKey };
}

export async function makeTestSigner(ca: TestCa, name: string, nip: string): Promise<SignatureProvider & { certificateDer: Buffer }> {
  const keys = await generateSigningKeyPair();
  const now = new Date();
  const certificateDer = await issueCertificate({
    subject: { commonName: name, serialNumber: nip, title: "Kepala Dinas", organization: "Pemerintah Kabupaten Uji" },
    subjectPublicKey: keys.publicKey,
    issuer: { certificateDer: ca.certificateDer, privateKey: ca.privateKey },
    serialNumber: newSerialNumber(),
    notBefore: new Date(now.getTime() - 365 * 86400_000), // well before the fixed signing times the tests use
    notAfter: new Date(now.getTime() + 2 * 365 * 86400_000),
  });
  const provider = localSignatureProvider(await exportPkcs8(keys.privateKey), [certificateDer, ca.certificateDer]);
  return Object.assign(provider, { certificateDer });
}

/** A letter made by pdf-lib; `objectStreams` true gives a compressed cross-reference stream. */
export async function makeTestPdf(pages = 2, options: { objectStreams?: boolean; rotate?: number } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    if (options.rotate) page.setRotation({ type: "degrees" as never, angle: options.rotate } as never);
    page.drawText(`Nota Dinas halaman ${i + 1}`, { x: 72, y: 760, size: 14, font });
  }
  return Buffer.from(await doc.save({ useObjectStreams: options.objectStreams ?? false }));
}

export const testBlock = (name: string): SignatureBlockText => ({
  verificationUrl: "https://kawan.example.go.id/verifikasi/00112233445566778899aabbccddeeff",
  signerName: name,
  positionLabel: "Plh. Kepala Dinas Komunikasi, Informatika dan Persandian",
  nip: "19800517 200604 2 011",
  signedAtLabel: "28 November 2026 14.35 WIB",
  heading: "Ditandatangani secara elektronik oleh",
});

/** An NSS database that trusts the given root, for poppler's pdfsig. */
export function nssDbTrusting(caDer: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-nss-"));
  execFileSync("certutil", ["-N", "-d", `sql:${dir}`, "--empty-password"]);
  const pem = path.join(dir, "root.pem");
  fs.writeFileSync(pem, certificatePem(caDer));
  execFileSync("certutil", ["-A", "-d", `sql:${dir}`, "-n", "kawan-root", "-t", "CT,C,C", "-i", pem]);
  return dir;
}

/** pdfsig's report for a file: one entry per signature. */
export function pdfsig(file: Buffer, nssDir: string): { output: string; signatures: { valid: boolean; trusted: boolean; wholeFile: boolean }[] } {
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kawan-pdf-")), "signed.pdf");
  fs.writeFileSync(tmp, file);
  const result = spawnSync("pdfsig", ["-nssdir", `sql:${nssDir}`, tmp], { encoding: "utf8" });
  const output = `${result.stdout}${result.stderr}`;
  const blocks = output.split(/^Signature #\d+:/m).slice(1);
  return {
    output,
    signatures: blocks.map((b) => ({
      valid: /Signature Validation: Signature is Valid\./.test(b),
      trusted: /Certificate Validation: Certificate is Trusted\./.test(b),
      wholeFile: /Total document signed/.test(b),
    })),
  };
}
