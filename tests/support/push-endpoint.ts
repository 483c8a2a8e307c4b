/**
 * A local web push service for the tests (vitest, and Playwright later): an https server on 127.0.0.1 at a random port
 * that accepts pushes the way a browser vendor's service does, records each request, checks its VAPID signature, and
 * DECRYPTS the aes128gcm body (RFC 8188 / RFC 8291) with the private key of the "browser" it made the subscription
 * for. web-push only speaks https, so the server has its own self-signed certificate for 127.0.0.1; the sender trusts
 * it through an https.Agent (`agent`, for runPushSendSweep's options) or NODE_EXTRA_CA_CERTS (`certificate.cert`,
 * written to a file, for a server process), never by turning certificate checks off.
 *
 * Plain node modules only (no vitest import), so Playwright can import it too.
 */
import * as asn1js from "asn1js";
import { createECDH, createHmac, createDecipheriv, createPublicKey, randomBytes, randomUUID, verify, webcrypto, type ECDH } from "node:crypto";
import https from "node:https";
import type { AddressInfo } from "node:net";
import * as pkijs from "pkijs";

export type EndpointCertificate = { key: string; cert: string };

export type BrowserSubscription = {
  /** What PushSubscription.toJSON() gives in a browser, minus expirationTime. */
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  /** The browser's private ECDH key (P-256), needed to decrypt what is pushed to it. */
  privateKey: ECDH;
};

export type ReceivedPush = {
  /** The subscription id: the last path segment of its endpoint. */
  id: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The decrypted payload; null when it could not be decrypted (reason in `error`). */
  text: string | null;
  error: string | null;
  /** The VAPID JWT's claims when its ES256 signature checks out against the key in the header, else null. */
  vapid: { aud: string; sub: string; exp: number; publicKey: string } | null;
  /** The status this endpoint answered with. */
  status: number;
};

export type TestPushEndpoint = {
  origin: string;
  port: number;
  /** Trusts exactly this server's certificate: pass as `agent` to runPushSendSweep. */
  agent: https.Agent;
  certificate: EndpointCertificate;
  received: ReceivedPush[];
  /** A browser-like subscription whose endpoint is on this server. */
  subscribe(): BrowserSubscription;
  /** Answers the next pushes to this endpoint with these statuses, in order (then 201 again). */
  respondWith(endpoint: string, ...statuses: number[]): void;
  /** Holds every push request open until the promise resolves (for "two sweeps at once" cases). */
  holdUntil(release: Promise<void>): void;
  close(): Promise<void>;
};

const pem = (label: string, der: ArrayBuffer | Buffer) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der as ArrayBuffer).toString("base64").replace(/(.{64})/g, "$1\n").trim()}\n-----END ${label}-----\n`;

/** A self-signed P-256 certificate for localhost and 127.0.0.1, valid from an hour ago for ten years. */
export async function createEndpointCertificate(): Promise<EndpointCertificate> {
  const subtle = webcrypto.subtle;
  pkijs.setEngine("node", new pkijs.CryptoEngine({ name: "node", crypto: webcrypto as unknown as Crypto }));
  const keys = (await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: Uint8Array.from([0x01, ...randomBytes(15)]).buffer });
  const cn = new pkijs.AttributeTypeAndValue({ type: "2.5.4.3", value: new asn1js.Utf8String({ value: "Kawan test push service" }) });
  cert.subject.typesAndValues.push(cn);
  cert.issuer.typesAndValues.push(cn);
  cert.notBefore.value = new Date(Date.now() - 3600_000);
  cert.notAfter.value = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
  const altNames = new pkijs.AltName({
    altNames: [
      new pkijs.GeneralName({ type: 2, value: "localhost" }),
      new pkijs.GeneralName({ type: 7, value: new asn1js.OctetString({ valueHex: Uint8Array.from([127, 0, 0, 1]).buffer }) }),
    ],
  });
  cert.extensions = [new pkijs.Extension({ extnID: "2.5.29.17", critical: false, extnValue: altNames.toSchema().toBER(false) })];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(keys.privateKey, "SHA-256");
  return { cert: pem("CERTIFICATE", cert.toSchema(true).toBER(false)), key: pem("PRIVATE KEY", await subtle.exportKey("pkcs8", keys.privateKey)) };
}

/** A new browser key pair and auth secret, as PushManager.subscribe makes them. */
export function browserKeys(): { privateKey: ECDH; p256dh: string; auth: string } {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { privateKey: ecdh, p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") };
}

const hmac = (key: Buffer, ...data: Buffer[]) => {
  const h = createHmac("sha256", key);
  for (const d of data) h.update(d);
  return h.digest();
};

/**
 * RFC 8291 + RFC 8188: the plaintext of an aes128gcm web push body, decrypted as the browser does with its private
 * key and auth secret. Throws when anything does not check out (wrong key, tampered body, bad padding).
 */
export function decryptAes128gcm(body: Buffer, browser: { privateKey: ECDH; auth: string }): Buffer {
  if (body.length < 21) throw new Error("body shorter than the aes128gcm header");
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20];
  const senderPublic = body.subarray(21, 21 + idlen);
  if (idlen !== 65 || rs < 18) throw new Error(`unexpected header: idlen ${idlen}, rs ${rs}`);
  const receiverPublic = browser.privateKey.getPublicKey();
  const ecdhSecret = browser.privateKey.computeSecret(senderPublic);
  const auth = Buffer.from(browser.auth, "base64url");
  // HKDF-SHA-256 with one block of output each time (32 bytes cover every length needed here).
  const prkKey = hmac(auth, ecdhSecret);
  const ikm = hmac(prkKey, Buffer.from("WebPush: info\0"), receiverPublic, senderPublic, Buffer.from([1]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0"), Buffer.from([1])).subarray(0, 16);
  const baseNonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0"), Buffer.from([1])).subarray(0, 12);
  const records = body.subarray(21 + idlen);
  const out: Buffer[] = [];
  for (let offset = 0, seq = 0; offset < records.length; offset += rs, seq++) {
    const record = records.subarray(offset, Math.min(offset + rs, records.length));
    const nonce = Buffer.from(baseNonce);
    // The record sequence number XORed into the nonce's low bytes (32 bits are plenty for any push).
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8);
    const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    // Padding: data, a delimiter (2 for the last record, 1 otherwise), then zeros.
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end--;
    const last = offset + rs >= records.length;
    if (end < 0 || plain[end] !== (last ? 2 : 1)) throw new Error("bad padding delimiter");
    out.push(plain.subarray(0, end));
  }
  return Buffer.concat(out);
}

/** The claims of "vapid t=<jwt>, k=<key>" when the JWT's ES256 signature verifies with k; null otherwise. */
export function checkVapid(authorization: string | undefined): ReceivedPush["vapid"] {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? "");
  if (!match) return null;
  const [header, claims, signature] = match[1].split(".");
  const raw = Buffer.from(match[2], "base64url");
  if (!signature || raw.length !== 65) return null;
  const key = createPublicKey({ key: { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33).toString("base64url") }, format: "jwk" });
  const ok = verify("sha256", Buffer.from(`${header}.${claims}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"));
  if (!ok) return null;
  const c = JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as { aud: string; sub: string; exp: number };
  return { aud: c.aud, sub: c.sub, exp: c.exp, publicKey: match[2] };
}

export async function startPushEndpoint(options: { certificate?: EndpointCertificate } = {}): Promise<TestPushEndpoint> {
  const certificate = options.certificate ?? (await createEndpointCertificate());
  const browsers = new Map<string, { privateKey: ECDH; auth: string }>();
  const scripted = new Map<string, number[]>();
  const received: ReceivedPush[] = [];
  let hold: Promise<void> | null = null;

  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      if (hold) await hold;
      const id = (req.url ?? "").split("/").pop() ?? "";
      const body = Buffer.concat(chunks);
      const browser = browsers.get(id);
      const status = req.method !== "POST" ? 405 : !browser ? 404 : (scripted.get(id)?.shift() ?? 201);
      let text: string | null = null;
      let error: string | null = null;
      if (browser) {
        try {
          text = decryptAes128gcm(body, browser).toString("utf8");
        } catch (e) {
          error = (e as Error).message;
        }
      }
      received.push({ id, headers: req.headers, body, text, error, vapid: checkVapid(req.headers.authorization), status });
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 201 ? "" : `status ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `https://127.0.0.1:${port}`;
  const agent = new https.Agent({ ca: certificate.cert, keepAlive: false });

  return {
    origin,
    port,
    agent,
    certificate,
    received,
    subscribe() {
      const id = randomUUID();
      const keys = browserKeys();
      browsers.set(id, { privateKey: keys.privateKey, auth: keys.auth });
      return { subscription: { endpoint: `${origin}/push/${id}`, keys: { p256dh: keys.p256dh, auth: keys.auth } }, privateKey: keys.privateKey };
    },
    respondWith(endpoint, ...statuses) {
      const id = endpoint.split("/").pop() ?? "";
      scripted.set(id, [...(scripted.get(id) ?? []), ...statuses]);
    },
    holdUntil(release) {
      hold = release.then(() => {
        hold = null;
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
