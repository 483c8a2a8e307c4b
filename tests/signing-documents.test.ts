import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { auditLog, documentRevisions, signedDocuments, signerCertificates } from "@/db/schema";
import type { Db } from "@/db";
import { enrol, revokeCertificate } from "@/lib/signing/enrolment";
import { createSigningDocument, signDocument } from "@/lib/signing/documents";
import { countAwaitingMySignature, mySigningDocuments, signingDocumentDetail, signingDocumentFile } from "@/lib/signing/document-queries";
import { publicSignedFile, publicVerification, verifyUploadedPdf } from "@/lib/signing/verification";
import { agencyRootCertificate } from "@/lib/signing/authority";
import { createFixtureOrg, ctxFor, freshDb, TEST_PASSWORD } from "./support/db";
import { makeTestPdf, nssDbTrusting, pdfsig } from "./support/signing";
import { codeOf } from "./support/errors";

process.env.KAWAN_SERVER_KEY = randomBytes(32).toString("base64");
const PASSPHRASE = "Gandrung-Sewu-2026";
const BASE_URL = "https://kawan.banyuwangikab.go.id";
const placement = { pageIndex: 0, x: 1, y: 1 };

let db: Db;
let org: ReturnType<typeof createFixtureOrg>;

beforeAll(async () => {
  db = freshDb();
  org = createFixtureOrg(db);
  for (const id of [org.employees.staff, org.employees.head]) {
    await enrol(ctxFor(db, id), { loginPassword: TEST_PASSWORD, passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE });
  }
}, 120_000);


describe("signing an uploaded PDF in order", () => {
  it("stores the original, lets each signer sign in turn, and ends with a file pdfsig trusts", async () => {
    const pdf = await makeTestPdf(2);
    const staff = ctxFor(db, org.employees.staff);
    const { documentId, verificationId } = await createSigningDocument(staff, {
      title: "Nota Dinas Rapat Koordinasi",
      pdf,
      signerEmployeeIds: [org.employees.staff, org.employees.head],
      securityClass: "B",
      documentNumber: "000.1/12/DISKOMINFO/2026",
    });
    expect(verificationId).toMatch(/^[0-9a-f]{32}$/);
    expect(signingDocumentFile(staff, documentId)!.bytes.equals(pdf)).toBe(true);

    // Not the head's turn yet; a wrong passphrase changes nothing.
    const head = ctxFor(db, org.employees.head);
    expect([countAwaitingMySignature(staff), countAwaitingMySignature(head)]).toEqual([1, 0]);
    expect(await codeOf(signDocument(head, { documentId, passphrase: PASSPHRASE, placement, verificationBaseUrl: BASE_URL }))).toBe("forbidden:errors.forbidden");
    expect(await codeOf(signDocument(staff, { documentId, passphrase: "salah-sekali-1", placement, verificationBaseUrl: BASE_URL }))).toMatch(/^invalid:tte\.wrongPassphrase/);
    expect(db.select().from(documentRevisions).where(eq(documentRevisions.documentId, documentId)).all()).toHaveLength(1);

    expect(await signDocument(staff, { documentId, passphrase: PASSPHRASE, placement, verificationBaseUrl: BASE_URL })).toEqual({ revisionSequence: 2, completed: false });
    expect(mySigningDocuments(head).rows.find((d) => d.id === documentId)?.myTurn).toBe(true);
    expect([countAwaitingMySignature(staff), countAwaitingMySignature(head)]).toEqual([0, 1]);
    expect(await signDocument(head, { documentId, passphrase: PASSPHRASE, placement: { pageIndex: 1, x: 0, y: 1 }, verificationBaseUrl: BASE_URL })).toEqual({
      revisionSequence: 3,
      completed: true,
    });

    const detail = signingDocumentDetail(staff, documentId);
    expect(detail.document.status).toBe("signed");
    expect(detail.signers.map((s) => [s.status, s.positionLabel])).toEqual([
      ["signed", "Pranata Komputer"],
      ["signed", "Kepala Dinas Kominfo"],
    ]);
    const final = signingDocumentFile(staff, documentId)!.bytes;
    expect(final.subarray(0, pdf.length).equals(pdf)).toBe(true);
    const report = pdfsig(final, nssDbTrusting(agencyRootCertificate(db, org.agencyA)!));
    expect(report.signatures.map((s) => [s.valid, s.trusted]), report.output).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(report.signatures[1].wholeFile).toBe(true);
    const actions = db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityType, "signing_document")).all().map((r) => r.action);
    expect(actions).toEqual(["signing_document.created", "signing_document.signed", "signing_document.signed"]);

    // The public page and the upload check.
    const verification = publicVerification(db, verificationId);
    expect(verification).toMatchObject({ found: true, confidential: false, status: "signed", title: "Nota Dinas Rapat Koordinasi", downloadable: true });
    if (!verification.found) throw new Error("unreachable");
    expect(verification.signers.map((s) => s.positionLabel)).toEqual(["Pranata Komputer", "Kepala Dinas Kominfo"]);
    expect(publicSignedFile(db, verificationId)?.equals(final)).toBe(true);
    expect(verifyUploadedPdf(db, org.agencyA, final)).toMatchObject({ verdict: "valid", issuedByKawan: { verificationId, sequence: 3 } });
    const appended = Buffer.concat([final, Buffer.from("\n% changed later\n")]);
    expect(verifyUploadedPdf(db, org.agencyA, appended)).toMatchObject({ verdict: "modified_after_signing", issuedByKawan: null });
    const tampered = Buffer.from(final);
    tampered[Math.floor(pdf.length / 2)] ^= 1;
    expect(verifyUploadedPdf(db, org.agencyA, tampered).verdict).toBe("invalid");
    expect(verifyUploadedPdf(db, org.agencyA, pdf).verdict).toBe("no_signatures");
    // Agency B's root did not issue these certificates.
    expect(verifyUploadedPdf(db, org.agencyB, final).verdict).toBe("untrusted");
  });

  it("hides everyone else's documents and refuses them as signers", async () => {
    const staff = ctxFor(db, org.employees.staff);
    const { documentId } = await createSigningDocument(staff, { title: "Surat Pribadi", pdf: await makeTestPdf(1), signerEmployeeIds: [org.employees.staff], securityClass: "T" });
    const admin = ctxFor(db, org.employees.admin);
    expect(() => signingDocumentDetail(admin, documentId)).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(mySigningDocuments(admin).rows.some((d) => d.id === documentId)).toBe(false);
    expect(await codeOf(signDocument(admin, { documentId, passphrase: PASSPHRASE, placement, verificationBaseUrl: BASE_URL }))).toBe("not_found:errors.notFound");
    const otherAgency = ctxFor(db, org.employees.adminB);
    expect(() => signingDocumentDetail(otherAgency, documentId)).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(await codeOf(createSigningDocument(staff, { title: "X", pdf: await makeTestPdf(1), signerEmployeeIds: [org.employees.adminB], securityClass: "B" }))).toBe(
      "invalid:errors.invalidInput",
    );
  });

  it("refuses broken uploads with the reason and stores nothing", async () => {
    const before = db.select().from(signedDocuments).all().length;
    const staff = ctxFor(db, org.employees.staff);
    const result = await codeOf(createSigningDocument(staff, { title: "Rusak", pdf: Buffer.from("bukan pdf"), signerEmployeeIds: [org.employees.staff], securityClass: "B" }));
    expect(result).toBe("invalid:pdf.notPdf");
    expect(db.select().from(signedDocuments).all()).toHaveLength(before);
  });

  it("shows only validity for Rahasia documents on the public page", async () => {
    const staff = ctxFor(db, org.employees.staff);
    const { documentId, verificationId } = await createSigningDocument(staff, { title: "Rahasia Negara", pdf: await makeTestPdf(1), signerEmployeeIds: [org.employees.staff], securityClass: "R" });
    await signDocument(staff, { documentId, passphrase: PASSPHRASE, placement, verificationBaseUrl: BASE_URL });
    const verification = publicVerification(db, verificationId);
    expect(verification).toMatchObject({ found: true, confidential: true, status: "signed", title: null, documentNumber: null, signers: [], downloadable: false });
    expect(publicSignedFile(db, verificationId)).toBeNull();
    expect(publicVerification(db, "00000000000000000000000000000000")).toEqual({ found: false });
    expect(publicVerification(db, "../../etc/passwd")).toEqual({ found: false });
  });

  it("flags signatures whose certificate was revoked for a compromised key, unless Kawan stored the file", async () => {
    const head = ctxFor(db, org.employees.head);
    const { documentId } = await createSigningDocument(head, { title: "Surat Edaran", pdf: await makeTestPdf(1), signerEmployeeIds: [org.employees.head], securityClass: "B" });
    await signDocument(head, { documentId, passphrase: PASSPHRASE, placement, verificationBaseUrl: BASE_URL });
    const signed = signingDocumentFile(head, documentId)!.bytes;
    const cert = db.select().from(signerCertificates).where(eq(signerCertificates.employeeId, org.employees.head)).get()!;
    await revokeCertificate(ctxFor(db, org.employees.admin, new Date(Date.now() + 60_000)), { certificateId: cert.id, reason: "key_compromise", note: "" });
    // The very file Kawan stored, signed (by Kawan's own record) before the revocation: still valid.
    expect(verifyUploadedPdf(db, org.agencyA, signed).verdict).toBe("valid");
    // Any other file only claims its signing time; with a compromised key that claim is worthless.
    const altered = Buffer.concat([signed, Buffer.from("\n% re-saved elsewhere\n")]);
    expect(verifyUploadedPdf(db, org.agencyA, altered)).toMatchObject({ verdict: "revoked", issuedByKawan: null });
  });
});
