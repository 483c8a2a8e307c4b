import "server-only";
import * as asn1js from "asn1js";
import { createHash, createPublicKey, verify as verifySignature } from "node:crypto";
import { parseCertificate } from "./certificates";
import { pkijs } from "./pkijs-engine";

export type FoundSignature = {
  byteRange: [number, number, number, number];
  /** The signed bytes hash to what the CMS says it signed. */
  digestMatches: boolean;
  /** The CMS signature verifies with the signer certificate's key. */
  signatureValid: boolean;
  /** The signer certificate was issued by `trustedRoot` (when given) and is within its validity at signing. */
  issuedByRoot: boolean;
  certificateSerialHex: string | null;
  signerCommonName: string | null;
  /** X.520 serialNumber of the subject: the NIP for Kawan certificates. */
  signerNip: string | null;
  signingTime: Date | null;
  /** The signature's byte ranges reach the end of the file. */
  coversWholeFile: boolean;
};

const OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4";

function subjectAttribute(cert: pkijs.Certificate, type: string): string | null {
  const found = cert.subject.typesAndValues.find((tv) => tv.type === type);
  return found ? String(found.value.valueBlock.value) : null;
}

function pdfDateToDate(text: string): Date | null {
  const m = /D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${!m[7] || m[7] === "Z" ? "Z" : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, "").slice(3, 5)}`}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function checkOne(pdf: Buffer, byteRange: [number, number, number, number], dictText: string, trustedRoot: pkijs.Certificate | null): FoundSignature {
  const [a, b, c, d] = byteRange;
  const base: FoundSignature = {
    byteRange,
    digestMatches: false,
    signatureValid: false,
    issuedByRoot: false,
    certificateSerialHex: null,
    signerCommonName: null,
    signerNip: null,
    signingTime: pdfDateToDate(/\/M\s*\(([^)]*)\)/.exec(dictText)?.[1] ?? ""),
    coversWholeFile: c + d === pdf.length,
  };
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) return base;
  const hex = pdf.subarray(b + 1, c - 1).toString("latin1").replace(/\s+/g, "");
  const der = Buffer.from(hex, "hex");
  const parsed = asn1js.fromBER(new Uint8Array(der));
  if (parsed.offset === -1) return base;
  let signedData: pkijs.SignedData;
  try {
    const info = new pkijs.ContentInfo({ schema: parsed.result });
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch {
    return base;
  }
  const signerInfo = signedData.signerInfos[0];
  const sid = signerInfo?.sid;
  const signer = (signedData.certificates ?? []).find(
    (cert): cert is pkijs.Certificate =>
      cert instanceof pkijs.Certificate && sid instanceof pkijs.IssuerAndSerialNumber && cert.serialNumber.isEqual(sid.serialNumber),
  );
  if (!signerInfo || !signer || !signerInfo.signedAttrs) return base;
  const result: FoundSignature = {
    ...base,
    certificateSerialHex: Buffer.from(signer.serialNumber.valueBlock.valueHexView).toString("hex"),
    signerCommonName: subjectAttribute(signer, "2.5.4.3"),
    signerNip: subjectAttribute(signer, "2.5.4.5"),
  };

  const digest = createHash("sha256").update(pdf.subarray(a, b)).update(pdf.subarray(c, c + d)).digest();
  const claimed = signerInfo.signedAttrs.attributes.find((attr) => attr.type === OID_MESSAGE_DIGEST)?.values[0];
  result.digestMatches = claimed instanceof asn1js.OctetString && Buffer.from(claimed.valueBlock.valueHexView).equals(digest);

  // The signature covers the DER of the signed attributes with the SET tag, exactly as sent.
  const signedAttrs = Buffer.from(signerInfo.signedAttrs.encodedValue);
  signedAttrs[0] = 0x31;
  const publicKey = createPublicKey({ key: Buffer.from(signer.subjectPublicKeyInfo.toSchema().toBER(false)), format: "der", type: "spki" });
  try {
    result.signatureValid = verifySignature("sha256", signedAttrs, publicKey, Buffer.from(signerInfo.signature.valueBlock.valueHexView));
  } catch {
    result.signatureValid = false;
  }

  if (trustedRoot) {
    const rootKey = createPublicKey({ key: Buffer.from(trustedRoot.subjectPublicKeyInfo.toSchema().toBER(false)), format: "der", type: "spki" });
    const tbs = Buffer.from(signer.encodeTBS().toBER(false));
    const when = result.signingTime ?? new Date();
    const issuerMatches = Buffer.from(signer.issuer.toSchema().toBER(false)).equals(Buffer.from(trustedRoot.subject.toSchema().toBER(false)));
    try {
      result.issuedByRoot =
        issuerMatches &&
        verifySignature("sha256", tbs, rootKey, Buffer.from(signer.signatureValue.valueBlock.valueHexView)) &&
        signer.notBefore.value <= when &&
        when <= signer.notAfter.value;
    } catch {
      result.issuedByRoot = false;
    }
  }
  return result;
}

/**
 * Finds every signature in a PDF (by its /ByteRange) and checks it independently of pdf-lib, which would
 * not load some files we must still judge (tampered or appended ones).
 */
export function findSignatures(pdf: Buffer, trustedRootDer: Buffer | null): FoundSignature[] {
  const text = pdf.toString("latin1");
  const trustedRoot = trustedRootDer ? parseCertificate(trustedRootDer) : null;
  const found: FoundSignature[] = [];
  const pattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const byteRange = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const dictStart = text.lastIndexOf("<<", m.index);
    const dictEnd = text.indexOf(">>", Math.max(m.index, byteRange[2]));
    found.push(checkOne(pdf, byteRange, text.slice(dictStart, dictEnd === -1 ? undefined : dictEnd), trustedRoot));
  }
  return found.sort((x, y) => x.byteRange[2] + x.byteRange[3] - (y.byteRange[2] + y.byteRange[3]));
}
