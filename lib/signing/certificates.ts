import "server-only";
import * as asn1js from "asn1js";
import { createHash, randomBytes, webcrypto } from "node:crypto";
import { pkijs } from "./pkijs-engine";

export type DistinguishedName = {
  commonName: string;
  /** NIP of an employee (X.520 serialNumber attribute). */
  serialNumber?: string;
  /** Position (jabatan) at issue time. */
  title?: string;
  organizationalUnit?: string;
  organization: string;
};

const RSA_PARAMS = { name: "RSASSA-PKCS1-v1_5", publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" } as const;

/** RSA 3072 / SHA-256: accepted by every PDF reader and by BSrE-style remote signers. */
export async function generateSigningKeyPair(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey({ ...RSA_PARAMS, modulusLength: 3072 }, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;
}

export async function exportPkcs8(key: CryptoKey): Promise<Buffer> {
  return Buffer.from(await webcrypto.subtle.exportKey("pkcs8", key));
}

export async function importPkcs8(der: Buffer): Promise<CryptoKey> {
  return webcrypto.subtle.importKey("pkcs8", new Uint8Array(der), RSA_PARAMS, true, ["sign"]);
}

/** One attribute per RDN (C, O, OU, title, serialNumber, CN), as readers expect to display them. */
function name(dn: DistinguishedName): pkijs.RelativeDistinguishedNames {
  const attributes: [string, asn1js.BaseStringBlock][] = [["2.5.4.6", new asn1js.PrintableString({ value: "ID" })], ["2.5.4.10", new asn1js.Utf8String({ value: dn.organization })]];
  if (dn.organizationalUnit) attributes.push(["2.5.4.11", new asn1js.Utf8String({ value: dn.organizationalUnit })]);
  if (dn.title) attributes.push(["2.5.4.12", new asn1js.Utf8String({ value: dn.title })]);
  if (dn.serialNumber) attributes.push(["2.5.4.5", new asn1js.PrintableString({ value: dn.serialNumber })]);
  attributes.push(["2.5.4.3", new asn1js.Utf8String({ value: dn.commonName })]);
  // pkijs would encode its flat list as one multi-valued RDN; build the sequence of single-valued sets ourselves.
  const der = new asn1js.Sequence({
    value: attributes.map(([type, value]) => new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] })),
  }).toBER(false);
  return pkijs.RelativeDistinguishedNames.fromBER(der);
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

function keyIdentifier(spki: pkijs.PublicKeyInfo): Buffer {
  return createHash("sha1").update(Buffer.from(spki.subjectPublicKey.valueBlock.valueHexView)).digest();
}

/** Positive 128-bit serial (RFC 5280: at most 20 octets, non-negative). */
export function newSerialNumber(): Buffer {
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  serial[0] |= 0x01;
  return serial;
}

type IssueInput = {
  subject: DistinguishedName;
  subjectPublicKey: CryptoKey;
  serialNumber: Buffer;
  notBefore: Date;
  notAfter: Date;
  /** Absent: a self-signed root CA. */
  issuer?: { certificateDer: Buffer; privateKey: CryptoKey };
  /** Root only: the key that signs a self-signed certificate. */
  selfSigningKey?: CryptoKey;
};

/** Issues an X.509 v3 certificate: a root CA when no issuer is given, else a signer certificate. */
export async function issueCertificate(input: IssueInput): Promise<Buffer> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: input.serialNumber });
  cert.subject = name(input.subject);
  // RFC 5280: UTCTime until 2049, GeneralizedTime from 2050 (a UTCTime "50" would read as 1950).
  cert.notBefore = new pkijs.Time({ type: input.notBefore.getUTCFullYear() >= 2050 ? 1 : 0, value: input.notBefore });
  cert.notAfter = new pkijs.Time({ type: input.notAfter.getUTCFullYear() >= 2050 ? 1 : 0, value: input.notAfter });
  await cert.subjectPublicKeyInfo.importKey(input.subjectPublicKey);
  const ski = keyIdentifier(cert.subjectPublicKeyInfo);
  const isRoot = !input.issuer;
  const issuerCert = input.issuer ? parseCertificate(input.issuer.certificateDer) : null;
  cert.issuer = issuerCert ? issuerCert.subject : cert.subject;

  cert.extensions = [
    extension("2.5.29.19", true, new pkijs.BasicConstraints({ cA: isRoot, ...(isRoot ? { pathLenConstraint: 0 } : {}) }).toSchema()),
    // KeyUsage: CA keyCertSign + cRLSign; signer digitalSignature + nonRepudiation (content commitment).
    extension("2.5.29.15", true, new asn1js.BitString({ valueHex: new Uint8Array([isRoot ? 0x06 : 0xc0]).buffer, unusedBits: isRoot ? 1 : 6 })),
    extension("2.5.29.14", false, new asn1js.OctetString({ valueHex: ski })),
  ];
  if (issuerCert) {
    const aki = new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(issuerCert.subjectPublicKeyInfo) }) });
    cert.extensions.push(extension("2.5.29.35", false, aki.toSchema()));
  }
  const signingKey = input.issuer?.privateKey ?? input.selfSigningKey;
  if (!signingKey) throw new Error("a root certificate needs its own key to sign itself");
  await cert.sign(signingKey, "SHA-256");
  return Buffer.from(cert.toSchema(true).toBER(false));
}

export function parseCertificate(der: Buffer): pkijs.Certificate {
  return pkijs.Certificate.fromBER(new Uint8Array(der));
}

export function certificatePem(der: Buffer): string {
  const body = der.toString("base64").replace(/(.{64})/g, "$1\n").trim();
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

export function serialHex(der: Buffer): string {
  return Buffer.from(parseCertificate(der).serialNumber.valueBlock.valueHexView).toString("hex");
}
