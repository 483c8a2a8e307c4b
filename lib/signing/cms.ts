import "server-only";
import * as asn1js from "asn1js";
import { createHash } from "node:crypto";
import { parseCertificate } from "./certificates";
import { pkijs } from "./pkijs-engine";
import type { SignatureProvider } from "./signature-provider";

const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha256WithRSA: "1.2.840.113549.1.1.11",
};

const sha256Algorithm = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });

/** ESS signing-certificate-v2: binds the signature to the signer's certificate (required by PAdES). */
function signingCertificateV2(cert: pkijs.Certificate, certDer: Buffer): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })] }),
      cert.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    // hashAlgorithm omitted: DEFAULT sha256.
    value: [new asn1js.OctetString({ valueHex: createHash("sha256").update(certDer).digest() }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/**
 * A detached CMS SignedData for PAdES baseline B-B (ETSI.CAdES.detached): signed attributes content-type,
 * message-digest and signing-certificate-v2, and no signing-time (the time is the PDF's /M entry).
 * The signer and its chain are included so any verifier can build the path to the agency root.
 */
export async function buildPadesSignature(contentDigest: Buffer, provider: SignatureProvider): Promise<Buffer> {
  const [signerDer, ...issuersDer] = provider.certificateChain;
  const signer = parseCertificate(signerDer);
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: contentDigest })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(signer, signerDer)] }),
  ];
  // DER requires SET OF members in ascending order of their encodings; verifiers hash the bytes as sent.
  const encoded = attributes.map((a) => Buffer.from(a.toSchema().toBER(false)));
  const order = encoded.map((bytes, i) => ({ bytes, i })).sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  const sorted = order.map(({ i }) => attributes[i]);
  const signedAttributesDer = Buffer.concat([Buffer.from([0x31]), derLength(order.reduce((n, o) => n + o.bytes.length, 0)), ...order.map((o) => o.bytes)]);
  const signature = await provider.signDigest(createHash("sha256").update(signedAttributesDer).digest());

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: sorted }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRSA, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [signer, ...issuersDer.map(parseCertificate)],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
