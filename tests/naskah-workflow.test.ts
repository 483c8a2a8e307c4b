import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, documentDeliveries, documentSteps, officialDocuments, positions } from "@/db/schema";
import { enrol } from "@/lib/signing/enrolment";
import { agencyRootCertificate } from "@/lib/signing/authority";
import { proposeChain } from "@/lib/documents/chain";
import { createDraft, saveDraft } from "@/lib/documents/drafts";
import { approveDocument, editAsReviewer, returnDocument, submitDraft } from "@/lib/documents/review";
import { signOfficialDocument } from "@/lib/documents/signing";
import { documentDetail, documentPdf, compareVersions } from "@/lib/documents/document-detail";
import { documentListCounts, listDocuments } from "@/lib/documents/document-lists";
import { markDocumentRead } from "@/lib/documents/receipt";
import { letterCounts, listLetters } from "@/lib/incoming/letter-queries";
import { disposeLetter } from "@/lib/incoming/dispositions";

import { assignManualDocumentNumber } from "@/lib/documents/document-number";
import { addEmployee, ctxFor, freshDb, TEST_PASSWORD } from "./support/db";
import { createDocumentOrg, draftFields } from "./support/naskah";
import { nssDbTrusting, pdfsig } from "./support/signing";
import { codeOf } from "./support/errors";

process.env.KAWAN_SERVER_KEY = randomBytes(32).toString("base64");
const PASSPHRASE = "Gandrung-Sewu-2026";
const BASE_URL = "https://kawan.example.go.id";

let db: Db;
let org: ReturnType<typeof createDocumentOrg>;
// Signing certificates are issued against the real clock, so signing runs "now".
const ctx = (employeeId: number) => ctxFor(db, employeeId, new Date());

beforeAll(async () => {
  db = freshDb();
  org = createDocumentOrg(db);
  await enrol(ctx(org.people.head), { loginPassword: TEST_PASSWORD, passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE });
}, 120_000);

const pdftotext = (pdf: Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kawan-naskah-")), "doc.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
};

function newNotaDinas(overrides: Record<string, unknown> = {}) {
  const drafter = ctx(org.people.drafter);
  const { documentId } = createDraft(drafter, { documentTypeId: org.typeId("ND") });
  saveDraft(
    drafter,
    documentId,
    draftFields({
      documentTypeId: org.typeId("ND"),
      recipients: [{ kind: "position", positionId: org.docPositions.kadinkes }],
      carbonCopies: [{ kind: "position", positionId: org.positions.regent }],
      reviewers: [org.docPositions.kasi, org.docPositions.kabid],
      signers: [{ positionId: org.positions.head, onBehalfOfPositionId: null }],
      ...overrides,
    }),
  );
  return documentId;
}

describe("the review chain proposed from the organisation tree", () => {
  it("walks up from the drafter's post: heads initial, the first post allowed to sign signs", () => {
    expect(proposeChain(db, org.docPositions.programmer)).toEqual({ reviewers: [org.docPositions.kasi, org.docPositions.kabid], signer: org.positions.head });
    expect(proposeChain(db, org.docPositions.kabid)).toEqual({ reviewers: [], signer: org.positions.head });
    expect(proposeChain(db, org.positions.regent)).toEqual({ reviewers: [], signer: null });
  });

  it("is what a new draft starts with", () => {
    const { documentId } = createDraft(ctx(org.people.drafter), { documentTypeId: org.typeId("ND") });
    const steps = db.select().from(documentSteps).where(eq(documentSteps.documentId, documentId)).all();
    expect(steps.map((s) => [s.role, s.positionId])).toEqual([
      ["reviewer", org.docPositions.kasi],
      ["reviewer", org.docPositions.kabid],
      ["signer", org.positions.head],
    ]);
  });
});

describe("a Nota Dinas from draft to inbox", () => {
  it("is returned, revised, initialled twice, signed, numbered, delivered and read", async () => {
    const documentId = newNotaDinas();
    const drafter = ctx(org.people.drafter);

    // Submitting an incomplete draft changes nothing.
    const incomplete = newNotaDinas({ subject: "" });
    expect(await codeOf(submitDraft(drafter, incomplete))).toBe("invalid:naskah.submit.incomplete");
    expect(db.select().from(officialDocuments).where(eq(officialDocuments.id, incomplete)).get()!.status).toBe("draft");

    expect(await submitDraft(drafter, documentId)).toEqual({ status: "in_review" });
    // Not the Kepala Bidang's turn yet; the drafter cannot initial their own document.
    expect(await codeOf(approveDocument(ctx(org.people.kabid), documentId))).toBe("forbidden:errors.forbidden");
    expect(await codeOf(approveDocument(drafter, documentId))).toBe("forbidden:errors.forbidden");
    expect(await codeOf(Promise.resolve().then(() => returnDocument(ctx(org.people.kasi), documentId, "")))).toBe("invalid:errors.invalidInput");

    returnDocument(ctx(org.people.kasi), documentId, "Mohon tambahkan jadwal rapat.");
    expect(documentListCounts(drafter).konsep).toBeGreaterThanOrEqual(1);
    saveDraft(
      drafter,
      documentId,
      draftFields({
        documentTypeId: org.typeId("ND"),
        subject: "Undangan Rapat Koordinasi Aplikasi (revisi)",
        recipients: [{ kind: "position", positionId: org.docPositions.kadinkes }],
        carbonCopies: [{ kind: "position", positionId: org.positions.regent }],
        reviewers: [org.docPositions.kasi, org.docPositions.kabid],
        signers: [{ positionId: org.positions.head, onBehalfOfPositionId: null }],
      }),
    );
    expect(await submitDraft(drafter, documentId)).toEqual({ status: "in_review" });
    expect(listDocuments(ctx(org.people.kasi), "paraf", {}, "Asia/Jakarta").rows.map((r) => r.id)).toContain(documentId);
    expect(await approveDocument(ctx(org.people.kasi), documentId)).toEqual({ status: "in_review" });

    // The Kepala Bidang corrects the subject directly: a new version, still at their step.
    const kabid = ctx(org.people.kabid);
    const detailBefore = documentDetail(kabid, documentId);
    expect(detailBefore.can.review).toBe(true);
    editAsReviewer(
      kabid,
      documentId,
      draftFields({
        documentTypeId: org.typeId("ND"),
        subject: "Undangan Rapat Koordinasi Pengembangan Aplikasi",
        recipients: [{ kind: "position", positionId: org.docPositions.kadinkes }],
        carbonCopies: [{ kind: "position", positionId: org.positions.regent }],
      }),
      "Hal diperjelas",
    );
    const diff = compareVersions(kabid, documentId, 2, 3);
    expect(diff.lines).toContainEqual({ kind: "added", text: "Hal: Undangan Rapat Koordinasi Pengembangan Aplikasi" });
    expect(diff.lines).toContainEqual({ kind: "removed", text: "Hal: Undangan Rapat Koordinasi Aplikasi (revisi)" });

    expect(await approveDocument(kabid, documentId)).toEqual({ status: "signing" });
    const head = ctx(org.people.head);
    expect(documentListCounts(head).tandatangan).toBe(1);
    const preview = pdftotext((await documentPdf(head, documentId)).bytes);
    expect(preview).toContain("NOTA DINAS");
    expect(preview).not.toContain("KONSEP");

    // A wrong passphrase issues no number.
    expect(await codeOf(signOfficialDocument(head, { documentId, passphrase: "salah-sekali-1", verificationBaseUrl: BASE_URL }))).toMatch(/^invalid:tte\.wrongPassphrase/);
    expect(db.select().from(officialDocuments).where(eq(officialDocuments.id, documentId)).get()!.number).toBeNull();
    const signed = await signOfficialDocument(head, { documentId, passphrase: PASSPHRASE, verificationBaseUrl: BASE_URL });
    expect(signed.completed).toBe(true);
    expect(signed.number).toMatch(/^000\.1\/1\/DISKOMINFO\/\d{4}$/);

    const final = await documentPdf(head, documentId);
    expect(final.final).toBe(true);
    const text = pdftotext(final.bytes);
    expect(text).toContain(signed.number!);
    const nss = nssDbTrusting(agencyRootCertificate(db, org.agencyA)!);
    const check = pdfsig(final.bytes, nss);
    expect(check.signatures).toHaveLength(1);
    expect(check.signatures[0]).toMatchObject({ valid: true, trusted: true, wholeFile: true });

    // Delivered to the Kepala Dinas Kesehatan (to) and the Bupati (tembusan); read receipts per post.
    const recipient = ctx(org.people.kadinkes);
    expect(documentListCounts(recipient).masuk).toBe(1);
    expect(listDocuments(recipient, "masuk", {}, "Asia/Jakarta").rows[0]).toMatchObject({ id: documentId, unread: true, number: signed.number });
    expect(listDocuments(ctx(org.people.regent), "tembusan", {}, "Asia/Jakarta").rows.map((r) => r.id)).toEqual([documentId]);
    // It also arrived in the Dinas Kesehatan's book of incoming letters, with an agenda number, without retyping.
    const booked = listLetters(recipient, "masuk", {}, "Asia/Jakarta").rows.find((r) => r.letterNumber === signed.number);
    expect(booked).toMatchObject({ subject: "Undangan Rapat Koordinasi Pengembangan Aplikasi", agendaNumber: "1" });
    expect(letterCounts(recipient, "Asia/Jakarta").unreadLetters).toBe(1);
    expect(markDocumentRead(recipient, documentId)).toBe(1);
    expect(markDocumentRead(recipient, documentId)).toBe(0);
    expect(letterCounts(recipient, "Asia/Jakarta").unreadLetters).toBe(0);
    // The Kepala Dinas Kesehatan dispositions it down; the Dinas Kesehatan post below then sees the naskah itself.
    const below = db.insert(positions).values({ agencyId: org.agencyA, unitId: org.docUnits.dinkes, name: "Sekretaris Dinas Kesehatan", superiorId: org.docPositions.kadinkes }).returning().get();
    const staffer = addEmployee(db, org.agencyA, { name: "Sekdis Kesehatan", positionId: below.id });
    expect(await codeOf(() => documentDetail(ctx(staffer), documentId))).toBe("not_found:errors.notFound");
    disposeLetter(recipient, { letterId: booked!.letterId, parentId: null, toPositionIds: [below.id], instructions: [], otherInstruction: "Pelajari", note: "", urgency: "biasa", deadline: null, copySuperior: false });
    expect(documentDetail(ctx(staffer), documentId).doc.id).toBe(documentId);
    const senderView = documentDetail(drafter, documentId);
    expect(senderView.deliveries.find((d) => d.kind === "to")).toMatchObject({ readerName: "Kadis Kesehatan" });
    expect(senderView.deliveries.find((d) => d.kind === "cc")?.readAt).toBeNull();
    expect(senderView.events.map((e) => e.action)).toEqual(["created", "submitted", "returned", "revised", "approved", "edited", "approved", "numbered", "signed", "sent", "read"]);
    const actions = db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(documentId))).all().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["official_document.submitted", "official_document.returned", "official_document.approved", "official_document.signed", "official_document.read"]));
    const issued = db.select().from(auditLog).where(eq(auditLog.action, "number.issued")).all();
    expect(issued.some((row) => JSON.parse(row.after ?? "{}").documentRef === `naskah:${documentId}`)).toBe(true);
  }, 60_000);

  it("takes the clerk's manual number, with a reason, at the last signature", async () => {
    const documentId = newNotaDinas({ reviewers: [] });
    expect(await submitDraft(ctx(org.people.drafter), documentId)).toEqual({ status: "signing" });
    expect(await codeOf(Promise.resolve().then(() => assignManualDocumentNumber(ctx(org.people.drafter), documentId, { number: "000.1/999/DISKOMINFO/2026", reason: "Server penomoran gangguan" })))).toBe(
      "forbidden:errors.forbidden",
    );
    const clerk = ctx(org.people.clerk);
    expect(await codeOf(Promise.resolve().then(() => assignManualDocumentNumber(clerk, documentId, { number: "000.1/999/DISKOMINFO/2026", reason: "singkat" })))).toBe("invalid:errors.invalidInput");
    assignManualDocumentNumber(clerk, documentId, { number: "000.1/999/DISKOMINFO/2026", reason: "Server penomoran gangguan pagi ini" });
    const signed = await signOfficialDocument(ctx(org.people.head), { documentId, passphrase: PASSPHRASE, verificationBaseUrl: BASE_URL });
    expect(signed.number).toBe("000.1/999/DISKOMINFO/2026");
    expect(pdftotext((await documentPdf(ctx(org.people.head), documentId)).bytes)).toContain("000.1/999/DISKOMINFO/2026");
    expect(db.select().from(documentDeliveries).where(eq(documentDeliveries.documentId, documentId)).all()).toHaveLength(2);
  }, 60_000);
});
