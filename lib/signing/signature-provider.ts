import "server-only";
import { constants, createPrivateKey, privateEncrypt } from "node:crypto";

/**
 * The one step that needs the signer's private key: sign a SHA-256 digest. Everything else (PDF
 * preparation, CMS assembly) is independent of where the key lives, so a remote signer (BSrE's esign
 * client service, an HSM) can implement this interface in place of the local CA's keys.
 */
export interface SignatureProvider {
  /** DER certificates, the signer's first, then its issuers up to the root. */
  readonly certificateChain: Buffer[];
  /** RSA PKCS#1 v1.5 signature over the given SHA-256 digest. */
  signDigest(sha256Digest: Buffer): Promise<Buffer>;
}

// DER prefix of DigestInfo { sha256, digest } (RFC 8017, section 9.2, note 1).
const SHA256_DIGEST_INFO = Buffer.from("3031300d060960864801650304020105000420", "hex");

/** Signs with a PKCS#8 RSA key held in memory (decrypted just for this signature). */
export function localSignatureProvider(privateKeyPkcs8: Buffer, certificateChain: Buffer[]): SignatureProvider {
  const key = createPrivateKey({ key: privateKeyPkcs8, format: "der", type: "pkcs8" });
  return {
    certificateChain,
    async signDigest(digest) {
      if (digest.length !== 32) throw new Error("expected a SHA-256 digest");
      return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, digest]));
    },
  };
}
