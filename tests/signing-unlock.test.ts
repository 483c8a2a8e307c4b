import { beforeAll, describe, expect, it } from "vitest";
import { createHash, randomBytes, verify as verifySignature, X509Certificate } from "node:crypto";
import * as asn1js from "asn1js";
import { eq } from "drizzle-orm";
import { auditLog, signerCertificates, signingLockouts } from "@/db/schema";
import type { Db } from "@/db";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { agencyRootCertificate } from "@/lib/signing/authority";
import { buildPadesSignature } from "@/lib/signing/cms";
import { parseCertificate } from "@/lib/signing/certificates";
import { enrol, revokeCertificate } from "@/lib/signing/enrolment";
import { signingLockState } from "@/lib/signing/passphrase";
import { pkijs } from "@/lib/signing/pkijs-engine";
import { unlockSigner } from "@/lib/signing/unlock-signer";
import { createFixtureOrg, ctxFor, freshDb, TEST_NOW, TEST_PASSWORD } from "./support/db";

process.env.KAWAN_SERVER_KEY = randomBytes(32).toString("base64");

const PASSPHRASE = "Sawah hijau membentang";
const WRONG = "Sawah hijau membentan";
const minutes = (n: number) => new Date(TEST_NOW.getTime() + n * 60_000);

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

let db: Db;
let org: ReturnType<typeof createFixtureOrg>;
let staff: Ctx;
let certificateId: number;

const auditCount = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all().length;
const resetLockout = () => db.delete(signingLockouts).run();

beforeAll(async () => {
  db = freshDb();
  org = createFixtureOrg(db);
  staff = ctxFor(db, org.employees.staff);
  certificateId = (await enrol(staff, { loginPassword: TEST_PASSWORD, passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE })).certificateId;
}, 120_000);

describe("unlocking the signer", () => {
  it("gives a signer whose signatures verify with the certificate's public key, and the chain to the root", async () => {
    const { provider, chain, certificate } = await unlockSigner(staff, PASSPHRASE);
    expect(certificate.id).toBe(certificateId);
    expect(certificate).not.toHaveProperty("sealedPrivateKey");
    const root = agencyRootCertificate(db, org.agencyA)!;
    expect(chain).toHaveLength(2);
    expect(chain[1].equals(root)).toBe(true);
    expect(provider.certificateChain).toEqual(chain);

    const message = Buffer.from("Surat Keputusan Bupati Nomor 800/12/2026");
    const signature = await provider.signDigest(createHash("sha256").update(message).digest());
    const publicKey = new X509Certificate(chain[0]).publicKey;
    expect(verifySignature("sha256", message, publicKey, signature)).toBe(true);
    expect(verifySignature("sha256", Buffer.from("Surat lain"), publicKey, signature)).toBe(false);
  });

  it("produces a PAdES CMS that pkijs verifies against the agency root", async () => {
    const { provider } = await unlockSigner(staff, PASSPHRASE);
    const content = Buffer.from("%PDF-1.7 byte ranges stand-in");
    const cms = await buildPadesSignature(createHash("sha256").update(content).digest(), provider);
    const contentInfo = pkijs.ContentInfo.fromBER(new Uint8Array(cms));
    const signedData = new pkijs.SignedData({ schema: contentInfo.content as asn1js.Sequence });
    const root = parseCertificate(agencyRootCertificate(db, org.agencyA)!);
    const ok = await signedData.verify({ signer: 0, data: new Uint8Array(content).buffer, trustedCerts: [root], checkChain: true, checkDate: TEST_NOW });
    expect(ok).toBe(true);
    const tampered = Buffer.from("%PDF-1.7 byte ranges stand-ln");
    const bad = await signedData.verify({ signer: 0, data: new Uint8Array(tampered).buffer, trustedCerts: [root], checkChain: true, checkDate: TEST_NOW }).catch(() => false);
    expect(bad).toBe(false);
  });

  it("refuses a wrong passphrase with the attempts left, audited, and clears the count on success", async () => {
    resetLockout();
    const first = await refusal(unlockSigner(staff, WRONG));
    expect(first).toMatchObject({ code: "invalid", messageKey: "tte.wrongPassphrase", params: { remaining: 4 }, fieldErrors: { passphrase: "tte.wrongPassphraseField" } });
    const second = await refusal(unlockSigner(staff, WRONG));
    expect(second.params).toEqual({ remaining: 3 });
    const audited = db.select().from(auditLog).where(eq(auditLog.action, "tte.passphrase_wrong")).all();
    expect(audited.slice(-2).map((a) => JSON.parse(a.after!))).toEqual([
      { purpose: "sign", attempt: 1, locked: false },
      { purpose: "sign", attempt: 2, locked: false },
    ]);
    expect(audited.slice(-1)[0]).toMatchObject({ actorEmployeeId: org.employees.staff, entityType: "signer_certificate", entityId: String(certificateId) });
    await unlockSigner(staff, PASSPHRASE);
    expect(signingLockState(db, org.employees.staff, TEST_NOW).failedAttempts).toBe(0);
  });

  it("locks signing for 30 minutes after five wrong passphrases in a row, even for the right one", async () => {
    resetLockout();
    const wrongBefore = auditCount("tte.passphrase_wrong");
    for (let i = 1; i <= 4; i++) expect((await refusal(unlockSigner(staff, WRONG))).params).toEqual({ remaining: 5 - i });
    const fifth = await refusal(unlockSigner(staff, WRONG));
    expect(fifth).toMatchObject({ code: "throttled", messageKey: "tte.locked", params: { minutes: 30 } });
    expect(auditCount("tte.passphrase_wrong") - wrongBefore).toBe(5);
    expect(auditCount("tte.locked")).toBe(1);

    const sixth = await refusal(unlockSigner(ctxFor(db, org.employees.staff, minutes(10)), PASSPHRASE));
    expect(sixth).toMatchObject({ code: "throttled", messageKey: "tte.locked", params: { minutes: 20 } });
    expect(auditCount("tte.locked_refused")).toBe(1);
    expect(auditCount("tte.passphrase_wrong") - wrongBefore).toBe(5); // refused before the passphrase was tried

    const later = ctxFor(db, org.employees.staff, minutes(31));
    const { certificate } = await unlockSigner(later, PASSPHRASE);
    expect(certificate.id).toBe(certificateId);
    // A fresh run of five after the lock has passed.
    expect((await refusal(unlockSigner(later, WRONG))).params).toEqual({ remaining: 4 });
    resetLockout();
  });

  it("tells an employee without a certificate where to get one", async () => {
    const error = await refusal(unlockSigner(ctxFor(db, org.employees.head), PASSPHRASE));
    expect(error).toMatchObject({ code: "not_found", messageKey: "tte.noCertificate" });
  });

  it("refuses an expired certificate, naming the date and pointing to renewal", async () => {
    const row = db.select().from(signerCertificates).where(eq(signerCertificates.id, certificateId)).get()!;
    const afterExpiry = new Date(row.notAfter.getTime() + 60_000);
    const error = await refusal(unlockSigner(ctxFor(db, org.employees.staff, afterExpiry), PASSPHRASE));
    expect(error).toMatchObject({ messageKey: "tte.certificateExpired" });
    expect(String(error.params.date)).toMatch(/2028/);
  });

  it("refuses a revoked certificate, even with the right passphrase", async () => {
    revokeCertificate(ctxFor(db, org.employees.admin), { certificateId, reason: "key_compromise" });
    const error = await refusal(unlockSigner(staff, PASSPHRASE));
    expect(error).toMatchObject({ messageKey: "tte.certificateRevoked" });
    expect(String(error.params.date)).toContain("2026");
  });
});
