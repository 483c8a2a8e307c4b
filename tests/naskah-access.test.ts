import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { assignments, officialDocuments } from "@/db/schema";
import { enrol } from "@/lib/signing/enrolment";
import { DomainError } from "@/lib/errors";
import { visibleOfficialDocument } from "@/lib/documents/access";
import { createDraft, saveDraft, cancelDraft } from "@/lib/documents/drafts";
import { approveDocument, editAsReviewer, returnDocument, submitDraft } from "@/lib/documents/review";
import { signOfficialDocument } from "@/lib/documents/signing";
import { documentDetail, documentPdf, compareVersions } from "@/lib/documents/document-detail";
import { DOCUMENT_LISTS, listDocuments } from "@/lib/documents/document-lists";
import { forwardDocument, markDocumentRead } from "@/lib/documents/receipt";
import { addAttachment, attachmentFile, removeAttachment, uploadBodyPdf, useEditorBody } from "@/lib/documents/document-files";
import { createReply } from "@/lib/documents/drafts";
import { assignManualDocumentNumber } from "@/lib/documents/document-number";
import { ctxFor, freshDb, TEST_PASSWORD } from "./support/db";
import { createDocumentOrg, draftFields } from "./support/naskah";
import { codeOf } from "./support/errors";
import { makeTestPdf } from "./support/signing";

process.env.KAWAN_SERVER_KEY = randomBytes(32).toString("base64");
const PASSPHRASE = "Gandrung-Sewu-2026";
const BASE_URL = "https://kawan.example.go.id";

let db: Db;
let org: ReturnType<typeof createDocumentOrg>;
const ctx = (employeeId: number) => ctxFor(db, employeeId, new Date());


/** A document by the seksi drafter, chain Kasi -> Kabid -> Kepala Dinas, to the Kepala Dinas Kesehatan. */
function draft(securityClass: "B" | "R" | "SR" = "B") {
  const drafter = ctx(org.people.drafter);
  const { documentId } = createDraft(drafter, { documentTypeId: org.typeId("ND") });
  saveDraft(
    drafter,
    documentId,
    draftFields({
      documentTypeId: org.typeId("ND"),
      securityClass,
      recipients: [{ kind: "position", positionId: org.docPositions.kadinkes }],
      reviewers: [org.docPositions.kasi, org.docPositions.kabid],
      signers: [{ positionId: org.positions.head, onBehalfOfPositionId: null }],
    }),
  );
  return documentId;
}

async function sent(securityClass: "B" | "R" = "B") {
  const id = draft(securityClass);
  await submitDraft(ctx(org.people.drafter), id);
  await approveDocument(ctx(org.people.kasi), id);
  await approveDocument(ctx(org.people.kabid), id);
  await signOfficialDocument(ctx(org.people.head), { documentId: id, passphrase: PASSPHRASE, verificationBaseUrl: BASE_URL });
  return id;
}

const sees = (employeeId: number, documentId: number) => {
  try {
    visibleOfficialDocument(ctx(employeeId), documentId);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") return false;
    throw error;
  }
};

const inAnyList = (employeeId: number, documentId: number) =>
  DOCUMENT_LISTS.some((list) => listDocuments(ctx(employeeId), list, {}, "Asia/Jakarta").rows.some((r) => r.id === documentId));

let inReview: number;
let sentB: number;
let sentR: number;

beforeAll(async () => {
  db = freshDb();
  org = createDocumentOrg(db);
  await enrol(ctx(org.people.head), { loginPassword: TEST_PASSWORD, passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE });
  inReview = draft();
  await submitDraft(ctx(org.people.drafter), inReview);
  sentB = await sent("B");
  sentR = await sent("R");
}, 120_000);

describe("who may see an official document", () => {
  it("shows a draft to its drafter only, not even to the chain or the clerk", () => {
    const id = draft();
    expect(sees(org.people.drafter, id)).toBe(true);
    for (const other of [org.people.kasi, org.people.head, org.people.clerk, org.people.outsider, org.people.admin]) expect(sees(other, id)).toBe(false);
  });

  it("shows a document in review to the chain and the clerk, never to someone outside it", () => {
    for (const p of [org.people.drafter, org.people.kasi, org.people.kabid, org.people.head, org.people.clerk]) expect(sees(p, inReview)).toBe(true);
    for (const p of [org.people.outsider, org.people.kadinkes, org.people.admin, org.people.adminB]) expect(sees(p, inReview)).toBe(false);
    expect(inAnyList(org.people.outsider, inReview)).toBe(false);
    expect(inAnyList(org.people.kasi, inReview)).toBe(true);
  });

  it("adds recipients at delivery, and the Rahasia document stays with the named people", () => {
    expect(sees(org.people.kadinkes, sentB)).toBe(true);
    expect(sees(org.people.clerk, sentB)).toBe(true);
    expect(sees(org.people.kadinkes, sentR)).toBe(true);
    expect(sees(org.people.clerk, sentR)).toBe(false);
    expect(sees(org.people.outsider, sentR)).toBe(false);
    expect(inAnyList(org.people.clerk, sentR)).toBe(false);
    expect(inAnyList(org.people.outsider, sentB)).toBe(false);
  });

  it("follows the post: a Plh of the receiving post sees its inbox; the other agency never does", () => {
    const plh = ctx(org.people.outsider);
    expect(sees(org.people.outsider, sentB)).toBe(false);
    db.insert(assignments).values({ employeeId: org.people.outsider, positionId: org.docPositions.kadinkes, kind: "plh", startDate: "2020-01-01" }).run();
    try {
      expect(sees(org.people.outsider, sentB)).toBe(true);
      expect(sees(org.people.adminB, sentB)).toBe(false);
    } finally {
      db.delete(assignments).where(eq(assignments.kind, "plh")).run();
    }
    void plh;
  });

  it("records a read only for the post the reader acts under", async () => {
    const id = await sent("B");
    db.insert(assignments).values({ employeeId: org.people.outsider, positionId: org.docPositions.kadinkes, kind: "plh", startDate: "2020-01-01" }).run();
    try {
      // Acting under their own post, the Plh may open it but has not read it for the Dinas Kesehatan.
      const plh = ctx(org.people.outsider);
      expect(plh.actor.acting?.positionId).toBe(org.docPositions.outsiderPost);
      expect(markDocumentRead(plh, id)).toBe(0);
      expect(markDocumentRead(ctx(org.people.kadinkes), id)).toBe(1);
    } finally {
      db.delete(assignments).where(eq(assignments.kind, "plh")).run();
    }
  });

  it("answers 'not found' to every read and action by someone outside", async () => {
    const outsider = ctx(org.people.outsider);
    const notFound = "not_found:errors.notFound";
    expect(await codeOf(() => documentDetail(outsider, sentB))).toBe(notFound);
    expect(await codeOf(() => documentPdf(outsider, sentB))).toBe(notFound);
    expect(await codeOf(() => compareVersions(outsider, inReview, 1, 1))).toBe(notFound);
    expect(await codeOf(() => approveDocument(outsider, inReview))).toBe(notFound);
    expect(await codeOf(() => returnDocument(outsider, inReview, "Tidak setuju sama sekali"))).toBe(notFound);
    expect(await codeOf(() => editAsReviewer(outsider, inReview, draftFields({ documentTypeId: org.typeId("ND") })))).toBe(notFound);
    expect(await codeOf(() => saveDraft(outsider, inReview, draftFields({ documentTypeId: org.typeId("ND") })))).toBe(notFound);
    expect(await codeOf(() => submitDraft(outsider, inReview))).toBe(notFound);
    expect(await codeOf(() => cancelDraft(outsider, inReview))).toBe(notFound);
    expect(await codeOf(() => signOfficialDocument(outsider, { documentId: sentB, passphrase: PASSPHRASE, verificationBaseUrl: BASE_URL }))).toBe(notFound);
    expect(await codeOf(() => markDocumentRead(outsider, sentB))).toBe(notFound);
    expect(await codeOf(() => forwardDocument(outsider, sentB, { positionIds: [org.docPositions.outsiderPost], note: "" }))).toBe(notFound);
    expect(await codeOf(() => attachmentFile(outsider, sentB, 1))).toBe(notFound);
    expect(await codeOf(() => addAttachment(outsider, inReview, { name: "a.pdf", data: Buffer.from("%PDF-1.4") }))).toBe(notFound);
    expect(await codeOf(() => removeAttachment(outsider, inReview, 1))).toBe(notFound);
    expect(await codeOf(() => uploadBodyPdf(outsider, inReview, Buffer.from("%PDF-1.4")))).toBe(notFound);
    expect(await codeOf(() => useEditorBody(outsider, inReview))).toBe(notFound);
    expect(await codeOf(() => createReply(outsider, sentB))).toBe(notFound);
    expect(await codeOf(() => assignManualDocumentNumber(outsider, inReview, { number: "1/2/3", reason: "Server penomoran mati" }))).toBe("forbidden:errors.forbidden");
  });

  it("lets only the drafter change a draft's files, and only while it is a draft", async () => {
    const id = draft();
    // A complete PDF: a lampiran passes the same safety check as every uploaded PDF (lib/files/pdf-safety.ts).
    const pdf = await makeTestPdf(1);
    const kasi = ctx(org.people.kasi);
    // A colleague in the chain cannot see a draft at all; once in review, the drafter cannot change its files.
    expect(await codeOf(() => addAttachment(kasi, id, { name: "a.pdf", data: pdf }))).toBe("not_found:errors.notFound");
    const { attachmentId } = await addAttachment(ctx(org.people.drafter), id, { name: "daftar hadir.pdf", data: pdf });
    await submitDraft(ctx(org.people.drafter), id);
    expect(await codeOf(() => removeAttachment(ctx(org.people.drafter), id, attachmentId))).toBe("conflict:naskah.draft.notEditable");
    expect(await codeOf(() => removeAttachment(kasi, id, attachmentId))).toBe("forbidden:errors.forbidden");
    // The attachment is readable by the chain now that it is in review.
    expect(attachmentFile(kasi, id, attachmentId).name).toBe("daftar hadir.pdf");
  });

  it("refuses a draft to someone without an acting post", async () => {
    const drafter = ctx(org.people.drafter);
    expect(await codeOf(() => createDraft({ ...drafter, actor: { ...drafter.actor, acting: null, assignments: [] } }, { documentTypeId: org.typeId("ND") }))).toBe(
      "forbidden:naskah.noActingPosition",
    );
  });

  it("refuses people in the chain who act out of turn or out of role", async () => {
    expect(await codeOf(() => saveDraft(ctx(org.people.kasi), inReview, draftFields({ documentTypeId: org.typeId("ND") })))).toBe("forbidden:errors.forbidden");
    expect(await codeOf(() => approveDocument(ctx(org.people.head), inReview))).toBe("forbidden:errors.forbidden");
    expect(await codeOf(() => signOfficialDocument(ctx(org.people.kasi), { documentId: inReview, passphrase: PASSPHRASE, verificationBaseUrl: BASE_URL }))).toBe(
      "conflict:naskah.sign.notSigning",
    );
    // The clerk sees a Biasa document but may not forward it without having received it.
    expect(await codeOf(() => forwardDocument(ctx(org.people.clerk), sentB, { positionIds: [org.docPositions.outsiderPost], note: "" }))).toBe("forbidden:naskah.forward.notRecipient");
    // A secret document is never forwarded, not even by its recipient.
    expect(await codeOf(() => forwardDocument(ctx(org.people.kadinkes), sentR, { positionIds: [org.docPositions.outsiderPost], note: "" }))).toBe("forbidden:naskah.forward.secret");
  });

  it("lets a recipient forward a Biasa document, which then reaches the new post's inbox", () => {
    expect(forwardDocument(ctx(org.people.kadinkes), sentB, { positionIds: [org.docPositions.outsiderPost], note: "Untuk diketahui" })).toEqual({ delivered: 1 });
    expect(sees(org.people.outsider, sentB)).toBe(true);
    expect(listDocuments(ctx(org.people.outsider), "masuk", {}, "Asia/Jakarta").rows.map((r) => r.id)).toContain(sentB);
  });

  it("keeps the status of a document untouched by refused actions", () => {
    expect(db.select().from(officialDocuments).where(eq(officialDocuments.id, inReview)).get()!.status).toBe("in_review");
  });
});
