import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { documentRecipients, documentSteps, documentTypes, officialDocuments, signedDocuments } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx, DbOrTx, Tx } from "@/lib/context";
import { DomainError, forbidden, invalid } from "@/lib/errors";
import { documentNotice } from "@/lib/notifications/document-notices";
import { notifyPosition } from "@/lib/notifications/notify";
import { signingPositionLabel } from "@/lib/signing/signature-block";
import { addParticipant, visibleOfficialDocument, type OfficialDocument } from "./access";
import { checkChain } from "./chain";
import { bodyIsEmpty, bodySchema } from "./content";
import { detailKindOf, parseDetails } from "./details";
import type { DraftFields } from "./draft-input";
import { editableDraft, writeDraftFields } from "./drafts";
import { enterSigning, prepareSigning, type SigningPreparation } from "./enter-signing";
import { recordVersion } from "./snapshot";
import { recordEvent } from "./timeline";

// The review chain: submission, paraf (approve), return with a note, and a reviewer's direct edit.
// Sequential by position: only whoever holds or acts in the current step's post, acting under that post,
// may act on it. After the last paraf the document goes to its signers in the same transaction.

export const NOTE_MAX = 1000;

type Step = typeof documentSteps.$inferSelect;

export function stepsOf(tx: DbOrTx, documentId: number, role: Step["role"]): Step[] {
  return tx
    .select()
    .from(documentSteps)
    .where(and(eq(documentSteps.documentId, documentId), eq(documentSteps.role, role)))
    .orderBy(asc(documentSteps.sequence))
    .all();
}

/** The step waiting for the actor, or a refusal: not their turn, or not acting under the step's post. */
export function currentStepFor(tx: DbOrTx, ctx: Ctx, doc: OfficialDocument, role: Step["role"]): { step: Step; remaining: Step[] } {
  const pending = stepsOf(tx, doc.id, role).filter((s) => s.status === "pending");
  const step = pending[0];
  if (!step) throw new DomainError("conflict", "naskah.review.notYourTurn");
  if (ctx.actor.acting?.positionId !== step.positionId) {
    // Holding the post under another assignment than the selected one is a different, fixable situation.
    if (ctx.actor.assignments.some((a) => a.positionId === step.positionId)) throw new DomainError("forbidden", "naskah.review.switchPosition");
    throw forbidden();
  }
  return { step, remaining: pending.slice(1) };
}

/** What a draft still lacks before it may go to review, as field errors; empty when complete. */
export function submissionProblems(tx: DbOrTx, doc: OfficialDocument): Record<string, string> {
  const problems: Record<string, string> = {};
  const type = tx.select().from(documentTypes).where(eq(documentTypes.id, doc.documentTypeId)).get();
  if (!doc.subject.trim()) problems.subject = "naskah.submit.subjectRequired";
  if (!doc.classificationCode) problems.classificationCode = "naskah.submit.classificationRequired";
  const recipients = tx.select().from(documentRecipients).where(and(eq(documentRecipients.documentId, doc.id), eq(documentRecipients.kind, "to"))).all();
  const details = parseDetails(doc.details);
  const kind = detailKindOf(type?.code ?? "");
  if (kind === "assignment") {
    if (!details.assignment?.employeeIds.length) problems.details = "naskah.submit.peopleRequired";
    else if (!details.assignment.purpose.trim()) problems.details = "naskah.submit.purposeRequired";
  } else if (recipients.length === 0) problems.recipients = "naskah.submit.recipientRequired";
  if (kind === "invitation" && (!details.invitation?.date || !details.invitation.time.trim() || !details.invitation.place.trim())) {
    problems.details = "naskah.submit.invitationIncomplete";
  }
  if (doc.bodySource === "pdf") {
    if (!doc.bodyPdfSha256) problems.body = "naskah.submit.bodyMissing";
  } else {
    const body = bodySchema.safeParse(JSON.parse(doc.body || "[]"));
    if (!body.success || bodyIsEmpty(body.data)) problems.body = "naskah.submit.bodyRequired";
  }
  if (stepsOf(tx, doc.id, "signer").length === 0) problems.signers = "naskah.chain.signerRequired";
  return problems;
}

/** Sends the draft (or the revised, returned document) to the first reviewer, or straight to the signers. */
export async function submitDraft(ctx: Ctx, documentId: number): Promise<{ status: OfficialDocument["status"] }> {
  const doc = editableDraft(ctx, documentId);
  const problems = submissionProblems(ctx.db, doc);
  if (Object.keys(problems).length > 0) throw invalid(problems, "naskah.submit.incomplete");
  const reviewers = stepsOf(ctx.db, doc.id, "reviewer");
  const signers = stepsOf(ctx.db, doc.id, "signer");
  checkChain(ctx.db, ctx.actor.agencyId, reviewers.map((r) => r.positionId), signers.map((s) => ({ positionId: s.positionId, onBehalfOfPositionId: s.onBehalfOfPositionId })), { requireSigner: true });
  const prepared = reviewers.length === 0 ? await prepareSigning(ctx, doc) : null;

  return ctx.db.transaction((tx) => {
    const current = editableDraft(ctx, documentId, tx);
    if (current.updatedAt.getTime() !== doc.updatedAt.getTime()) throw new DomainError("conflict", "naskah.review.changedMeanwhile");
    const version = recordVersion(tx, ctx, doc.id, doc.version === 0 ? "submitted" : "revised");
    // A revision restarts the chain from the first reviewer: earlier paraf were given to other content.
    tx.update(documentSteps)
      .set({ status: "pending", actedByEmployeeId: null, actedAssignmentId: null, actedLabel: null, actedAt: null })
      .where(eq(documentSteps.documentId, doc.id))
      .run();
    for (const r of reviewers) addParticipant(tx, doc.id, { role: "reviewer", positionId: r.positionId });
    for (const s of signers) addParticipant(tx, doc.id, { role: "signer", positionId: s.positionId });
    if (prepared) enterSigning(tx, ctx, current, prepared);
    else {
      tx.update(officialDocuments).set({ status: "in_review", currentPositionId: reviewers[0].positionId, updatedAt: ctx.now }).where(eq(officialDocuments.id, doc.id)).run();
      notifyPosition(tx, ctx, reviewers[0].positionId, documentNotice("review_requested", current));
    }
    recordEvent(tx, ctx, doc.id, doc.version === 0 ? "submitted" : "revised", { version });
    const status = prepared ? "signing" : "in_review";
    writeAudit(tx, ctx, {
      action: "official_document.submitted",
      entityType: "official_document",
      entityId: doc.id,
      before: { status: doc.status },
      after: { status, version, reviewers: reviewers.map((r) => r.positionId), signers: signers.map((s) => s.positionId) },
    });
    return { status };
  });
}

function reviewable(ctx: Ctx, documentId: number, tx: DbOrTx = ctx.db): OfficialDocument {
  const doc = visibleOfficialDocument(ctx, documentId, tx);
  if (doc.status !== "in_review") throw new DomainError("conflict", "naskah.review.notInReview");
  return doc;
}

function markStepDone(tx: Tx, ctx: Ctx, step: Step): void {
  tx.update(documentSteps)
    .set({
      status: "done",
      actedByEmployeeId: ctx.actor.employeeId,
      actedAssignmentId: ctx.actor.acting?.assignmentId ?? null,
      actedLabel: signingPositionLabel(ctx.actor.acting),
      actedAt: ctx.now,
    })
    .where(eq(documentSteps.id, step.id))
    .run();
}

/** Paraf: the current reviewer approves; the last paraf hands the document to its signers. */
export async function approveDocument(ctx: Ctx, documentId: number, note = ""): Promise<{ status: OfficialDocument["status"] }> {
  if (note.length > NOTE_MAX) throw invalid({ note: "validation.tooLong" });
  const doc = reviewable(ctx, documentId);
  const { remaining } = currentStepFor(ctx.db, ctx, doc, "reviewer");
  let prepared: SigningPreparation | null = null;
  if (remaining.length === 0) prepared = await prepareSigning(ctx, doc);

  return ctx.db.transaction((tx) => {
    const current = reviewable(ctx, documentId, tx);
    if (current.updatedAt.getTime() !== doc.updatedAt.getTime()) throw new DomainError("conflict", "naskah.review.changedMeanwhile");
    const { step, remaining: rest } = currentStepFor(tx, ctx, current, "reviewer");
    markStepDone(tx, ctx, step);
    addParticipant(tx, doc.id, { role: "reviewer", employeeId: ctx.actor.employeeId });
    if (rest.length > 0) {
      tx.update(officialDocuments).set({ currentPositionId: rest[0].positionId, updatedAt: ctx.now }).where(eq(officialDocuments.id, doc.id)).run();
      notifyPosition(tx, ctx, rest[0].positionId, documentNotice("review_requested", current));
    } else {
      if (!prepared) throw new DomainError("conflict", "naskah.review.changedMeanwhile");
      enterSigning(tx, ctx, current, prepared);
    }
    recordEvent(tx, ctx, doc.id, "approved", { note, version: current.version });
    writeAudit(tx, ctx, {
      action: "official_document.approved",
      entityType: "official_document",
      entityId: doc.id,
      after: { step: step.sequence, positionId: step.positionId, next: rest[0]?.positionId ?? "signing", note },
    });
    return { status: rest.length > 0 ? "in_review" : "signing" };
  });
}

/**
 * Returns the document to its drafter with a note: by the current reviewer, or by the current signer
 * before anyone signed (a signature is never thrown away). Every paraf then starts again.
 */
export function returnDocument(ctx: Ctx, documentId: number, note: string): void {
  const text = note.trim();
  if (text.length < 3) throw invalid({ note: "naskah.review.noteRequired" });
  if (text.length > NOTE_MAX) throw invalid({ note: "validation.tooLong" });
  ctx.db.transaction((tx) => {
    const doc = visibleOfficialDocument(ctx, documentId, tx);
    let step: Step;
    if (doc.status === "in_review") step = currentStepFor(tx, ctx, doc, "reviewer").step;
    else if (doc.status === "signing") {
      const signers = stepsOf(tx, doc.id, "signer");
      if (signers.some((s) => s.status === "done")) throw new DomainError("conflict", "naskah.review.alreadySigned");
      step = currentStepFor(tx, ctx, doc, "signer").step;
      if (doc.signedDocumentId) tx.update(signedDocuments).set({ status: "cancelled" }).where(eq(signedDocuments.id, doc.signedDocumentId)).run();
    } else throw new DomainError("conflict", "naskah.review.notInReview");
    tx.update(documentSteps).set({ status: "pending", placement: null }).where(eq(documentSteps.documentId, doc.id)).run();
    tx.update(officialDocuments)
      .set({ status: "returned", currentPositionId: null, signedDocumentId: null, stampSlots: null, updatedAt: ctx.now })
      .where(eq(officialDocuments.id, doc.id))
      .run();
    addParticipant(tx, doc.id, { role: step.role, employeeId: ctx.actor.employeeId });
    recordEvent(tx, ctx, doc.id, "returned", { note: text, version: doc.version });
    writeAudit(tx, ctx, {
      action: "official_document.returned",
      entityType: "official_document",
      entityId: doc.id,
      before: { status: doc.status, step: step.sequence, role: step.role },
      after: { status: "returned", note: text },
    });
  });
}

/**
 * A reviewer corrects the document directly instead of returning it: the content changes (not the chain),
 * a new version records who changed what, and the document stays at this reviewer's step.
 */
export function editAsReviewer(ctx: Ctx, documentId: number, fields: DraftFields, note = ""): { version: number } {
  if (note.length > NOTE_MAX) throw invalid({ note: "validation.tooLong" });
  return ctx.db.transaction((tx) => {
    const doc = reviewable(ctx, documentId, tx);
    currentStepFor(tx, ctx, doc, "reviewer");
    if (doc.bodySource === "pdf") throw new DomainError("conflict", "naskah.review.pdfNotEditable");
    writeDraftFields(tx, ctx, doc, fields, { chain: false });
    const version = recordVersion(tx, ctx, doc.id, "reviewer_edit", note);
    tx.update(officialDocuments).set({ updatedAt: ctx.now }).where(eq(officialDocuments.id, doc.id)).run();
    recordEvent(tx, ctx, doc.id, "edited", { note, version });
    writeAudit(tx, ctx, { action: "official_document.edited", entityType: "official_document", entityId: doc.id, after: { version, note } });
    return { version };
  });
}
