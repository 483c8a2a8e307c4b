import "server-only";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import {
  classificationCodes,
  documentAttachments,
  documentRecipients,
  documentSteps,
  documentTypes,
  employees,
  officialDocuments,
  positions,
  units,
} from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx, DbOrTx, Tx } from "@/lib/context";
import { DomainError, forbidden, invalid, notFound } from "@/lib/errors";
import { displayName } from "@/lib/org/display-name";
import { addParticipant, visibleOfficialDocument, type OfficialDocument } from "./access";
import { checkChain, proposeChain } from "./chain";
import { emptyBody } from "./content";
import { detailKindOf } from "./details";
import type { DraftFields, SignerPlan } from "./draft-input";
import { recipientKey, type RecipientRef } from "./recipients";
import { recordEvent } from "./timeline";
import { indexDocument } from "@/lib/search";

// Drafting (konsep): creating a draft, saving it as the drafter types (autosave), and the checks a draft
// must pass before it may go to review. Only the drafter edits a draft, and only while it is a draft or
// was returned for revision.

/** The acting post is who drafts: a document is written by a position, like it is received by one. */
function actingPosition(ctx: Ctx) {
  if (!ctx.actor.acting) throw new DomainError("forbidden", "naskah.noActingPosition");
  return ctx.actor.acting;
}

function activeType(tx: Tx, agencyId: number, typeId: number) {
  const type = tx
    .select()
    .from(documentTypes)
    .where(and(eq(documentTypes.id, typeId), eq(documentTypes.agencyId, agencyId)))
    .get();
  if (!type || !type.active) throw invalid({ documentTypeId: "naskah.draft.unknownType" });
  return type;
}

/** Starts a draft of the given type under the actor's acting post, with the chain proposed from the tree. */
export function createDraft(ctx: Ctx, input: { documentTypeId: number; repliesToId?: number | null }): { documentId: number } {
  const acting = actingPosition(ctx);
  return ctx.db.transaction((tx) => {
    const type = activeType(tx, ctx.actor.agencyId, input.documentTypeId);
    const original = input.repliesToId ? visibleOfficialDocument(ctx, input.repliesToId, tx) : null;
    if (original && original.status !== "sent") throw new DomainError("conflict", "naskah.reply.notSent");
    const doc = tx
      .insert(officialDocuments)
      .values({
        agencyId: ctx.actor.agencyId,
        documentTypeId: type.id,
        drafterEmployeeId: ctx.actor.employeeId,
        drafterPositionId: acting.positionId,
        body: JSON.stringify(emptyBody()),
        subject: original ? original.subject : "",
        classificationCode: original ? original.classificationCode : "",
        repliesToId: original?.id ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: officialDocuments.id })
      .get();
    const chain = proposeChain(tx, acting.positionId);
    chain.reviewers.forEach((positionId, i) => tx.insert(documentSteps).values({ documentId: doc.id, role: "reviewer", sequence: i + 1, positionId }).run());
    if (chain.signer) tx.insert(documentSteps).values({ documentId: doc.id, role: "signer", sequence: 1, positionId: chain.signer }).run();
    if (original) {
      // A reply goes back to the post that signed the original.
      const signer = tx
        .select({ positionId: documentSteps.positionId, name: positions.name })
        .from(documentSteps)
        .innerJoin(positions, eq(positions.id, documentSteps.positionId))
        .where(and(eq(documentSteps.documentId, original.id), eq(documentSteps.role, "signer")))
        .orderBy(asc(documentSteps.sequence))
        .get();
      if (signer) {
        tx.insert(documentRecipients)
          .values({ documentId: doc.id, kind: "to", sequence: 1, targetKind: "position", positionId: signer.positionId, label: signer.name })
          .run();
      }
    }
    addParticipant(tx, doc.id, { role: "drafter", employeeId: ctx.actor.employeeId });
    recordEvent(tx, ctx, doc.id, "created");
    indexDocument(tx, doc.id);
    writeAudit(tx, ctx, {
      action: "official_document.created",
      entityType: "official_document",
      entityId: doc.id,
      after: { documentTypeId: type.id, repliesToId: original?.id ?? null, chain },
    });
    return { documentId: doc.id };
  });
}

/** A draft the actor may edit as its drafter. */
export function editableDraft(ctx: Ctx, documentId: number, tx: DbOrTx = ctx.db): OfficialDocument {
  const doc = visibleOfficialDocument(ctx, documentId, tx);
  if (doc.drafterEmployeeId !== ctx.actor.employeeId) throw forbidden();
  if (doc.status !== "draft" && doc.status !== "returned") throw new DomainError("conflict", "naskah.draft.notEditable");
  return doc;
}

type RecipientRow = Omit<typeof documentRecipients.$inferInsert, "documentId" | "kind" | "sequence">;

/** Resolves picked recipients against the agency's organisation; labels come from the database, not the form. */
function resolveRecipients(tx: Tx, agencyId: number, refs: RecipientRef[], field: string, internalOnly: boolean): RecipientRow[] {
  const keys = refs.map(recipientKey);
  if (new Set(keys).size !== keys.length) throw invalid({ [field]: "naskah.recipients.duplicate" });
  const ids = (kind: RecipientRef["kind"]) => refs.flatMap((r) => (r.kind === kind ? [r.kind === "position" ? r.positionId : r.kind === "unit" ? r.unitId : r.kind === "employee" ? r.employeeId : 0] : []));
  const positionRows = ids("position").length
    ? tx.select().from(positions).where(and(inArray(positions.id, ids("position")), eq(positions.agencyId, agencyId), eq(positions.active, true))).all()
    : [];
  const unitRows = ids("unit").length
    ? tx.select().from(units).where(and(inArray(units.id, ids("unit")), eq(units.agencyId, agencyId), eq(units.active, true))).all()
    : [];
  const employeeRows = ids("employee").length
    ? tx.select().from(employees).where(and(inArray(employees.id, ids("employee")), eq(employees.agencyId, agencyId), eq(employees.active, true))).all()
    : [];
  return refs.map((ref): RecipientRow => {
    switch (ref.kind) {
      case "position": {
        const p = positionRows.find((row) => row.id === ref.positionId);
        if (!p) throw invalid({ [field]: "naskah.recipients.unknown" });
        return { targetKind: "position", positionId: p.id, label: p.name };
      }
      case "unit": {
        const u = unitRows.find((row) => row.id === ref.unitId);
        if (!u) throw invalid({ [field]: "naskah.recipients.unknown" });
        return { targetKind: "unit", unitId: u.id, label: u.name };
      }
      case "employee": {
        const e = employeeRows.find((row) => row.id === ref.employeeId);
        if (!e) throw invalid({ [field]: "naskah.recipients.unknown" });
        return { targetKind: "employee", employeeId: e.id, label: displayName(e) };
      }
      case "external":
        if (internalOnly) throw invalid({ [field]: "naskah.recipients.internalOnly" });
        return { targetKind: "external", label: ref.name, address: ref.address };
    }
  });
}

function checkClassification(tx: Tx, code: string): void {
  if (code === "") return;
  if (!tx.select({ code: classificationCodes.code }).from(classificationCodes).where(eq(classificationCodes.code, code)).get()) {
    throw invalid({ classificationCode: "naskah.draft.unknownClassification" });
  }
}

function checkAssignedPeople(tx: Tx, agencyId: number, ids: number[]): void {
  if (ids.length === 0) return;
  if (new Set(ids).size !== ids.length) throw invalid({ details: "naskah.details.duplicatePerson" });
  const found = tx.select({ id: employees.id }).from(employees).where(and(inArray(employees.id, ids), eq(employees.agencyId, agencyId), eq(employees.active, true))).all();
  if (found.length !== ids.length) throw invalid({ details: "naskah.details.unknownPerson" });
}

/**
 * Writes the drafter's fields into the document (and, for the drafter, the planned chain). Shared by
 * autosave and by a reviewer's direct edit, which may change the content but not the chain.
 */
export function writeDraftFields(tx: Tx, ctx: Ctx, doc: OfficialDocument, fields: DraftFields, opts: { chain: boolean }): void {
  const type = activeType(tx, ctx.actor.agencyId, fields.documentTypeId);
  checkClassification(tx, fields.classificationCode);
  const to = resolveRecipients(tx, ctx.actor.agencyId, fields.recipients, "recipients", type.internal);
  const cc = resolveRecipients(tx, ctx.actor.agencyId, fields.carbonCopies, "carbonCopies", type.internal);
  const kind = detailKindOf(type.code);
  const details = kind === "assignment" ? { assignment: fields.details.assignment } : kind === "invitation" ? { invitation: fields.details.invitation } : {};
  checkAssignedPeople(tx, ctx.actor.agencyId, details.assignment?.employeeIds ?? []);
  if (opts.chain) checkChain(tx, ctx.actor.agencyId, fields.reviewers, fields.signers, { requireSigner: false });

  tx.update(officialDocuments)
    .set({
      documentTypeId: type.id,
      securityClass: fields.securityClass,
      urgency: fields.urgency,
      classificationCode: fields.classificationCode,
      subject: fields.subject,
      summary: fields.summary,
      // Files attached count as lampiran; a higher typed count covers sheets sent on paper.
      attachmentCount: Math.max(fields.attachmentCount, tx.select({ n: count() }).from(documentAttachments).where(eq(documentAttachments.documentId, doc.id)).get()?.n ?? 0),
      body: JSON.stringify(fields.body),
      details: JSON.stringify(details),
      updatedAt: ctx.now,
    })
    .where(eq(officialDocuments.id, doc.id))
    .run();
  tx.delete(documentRecipients).where(eq(documentRecipients.documentId, doc.id)).run();
  to.forEach((r, i) => tx.insert(documentRecipients).values({ ...r, documentId: doc.id, kind: "to", sequence: i + 1 }).run());
  cc.forEach((r, i) => tx.insert(documentRecipients).values({ ...r, documentId: doc.id, kind: "cc", sequence: i + 1 }).run());
  if (opts.chain) replaceChain(tx, doc.id, fields.reviewers, fields.signers);
  indexDocument(tx, doc.id);
}

function replaceChain(tx: Tx, documentId: number, reviewers: number[], signers: SignerPlan[]): void {
  tx.delete(documentSteps).where(eq(documentSteps.documentId, documentId)).run();
  reviewers.forEach((positionId, i) => tx.insert(documentSteps).values({ documentId, role: "reviewer", sequence: i + 1, positionId }).run());
  signers.forEach((s, i) =>
    tx.insert(documentSteps).values({ documentId, role: "signer", sequence: i + 1, positionId: s.positionId, onBehalfOfPositionId: s.onBehalfOfPositionId }).run(),
  );
}

/**
 * Saves the draft as it stands (the compose form autosaves every few seconds). Incomplete drafts are fine;
 * wrong ones (a code that does not exist, a post of another agency) are refused with nothing saved.
 * The audit row records which fields changed, not their text: the body can be long and drafts are private.
 */
export function saveDraft(ctx: Ctx, documentId: number, fields: DraftFields): { updatedAt: Date } {
  return ctx.db.transaction((tx) => {
    const doc = editableDraft(ctx, documentId, tx);
    writeDraftFields(tx, ctx, doc, fields, { chain: true });
    writeAudit(tx, ctx, {
      action: "official_document.saved",
      entityType: "official_document",
      entityId: doc.id,
      after: { documentTypeId: fields.documentTypeId, subject: fields.subject, securityClass: fields.securityClass },
    });
    return { updatedAt: ctx.now };
  });
}

/** Cancels a draft that never went out (the drafter's own); a cancelled document stays in the records. */
export function cancelDraft(ctx: Ctx, documentId: number): void {
  ctx.db.transaction((tx) => {
    const doc = editableDraft(ctx, documentId, tx);
    tx.update(officialDocuments).set({ status: "cancelled", currentPositionId: null, updatedAt: ctx.now }).where(eq(officialDocuments.id, doc.id)).run();
    recordEvent(tx, ctx, doc.id, "cancelled");
    writeAudit(tx, ctx, { action: "official_document.cancelled", entityType: "official_document", entityId: doc.id, before: { status: doc.status } });
  });
}

export function loadedDocumentOrThrow(tx: Tx, documentId: number): OfficialDocument {
  const doc = tx.select().from(officialDocuments).where(eq(officialDocuments.id, documentId)).get();
  if (!doc) throw notFound();
  return doc;
}

/**
 * A reply: a new draft linked to the received document, addressed to the post that signed it. Letters are
 * answered with a letter of the same type; anything else (a circular, an assignment) with a Nota Dinas.
 */
export function createReply(ctx: Ctx, originalId: number): { documentId: number } {
  const original = visibleOfficialDocument(ctx, originalId);
  const type = ctx.db.select().from(documentTypes).where(eq(documentTypes.id, original.documentTypeId)).get();
  const notaDinas = ctx.db
    .select()
    .from(documentTypes)
    .where(and(eq(documentTypes.agencyId, ctx.actor.agencyId), eq(documentTypes.code, "ND"), eq(documentTypes.active, true)))
    .get();
  const typeId = type?.layout === "korespondensi" && type.active ? type.id : (notaDinas?.id ?? original.documentTypeId);
  return createDraft(ctx, { documentTypeId: typeId, repliesToId: original.id });
}
