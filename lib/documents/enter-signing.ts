import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { documentRevisions, documentSteps, officialDocuments, signedDocuments } from "@/db/schema";
import type { Ctx, Tx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { documentNotice } from "@/lib/notifications/document-notices";
import { notifyPosition } from "@/lib/notifications/notify";
import { sqliteFileStore } from "@/lib/files/file-store";
import type { Placement } from "@/lib/signing/pdf-incremental";
import { loadPdfForSigning } from "@/lib/signing/pdf-input";
import { addParticipant, type OfficialDocument } from "./access";
import { buildRenderInput, issuingUnitOf, signerSteps } from "./render-model";
import { renderDocumentPdf } from "./render/render-document";
import type { TextSlot } from "./render/render-input";

// Handing an approved document to its signers: the final layout is rendered once (no watermark, the
// number and date places left empty) and becomes revision 1 of a TTE signing document, so every
// signature after that is an incremental update of exactly what the reviewers approved.

export type SigningPreparation = {
  pdf: Buffer;
  placements: Placement[];
  slots: { number: TextSlot; date: TextSlot };
  issuingUnitId: number | null;
};

/** Where an uploaded body (made in a word processor) gets its number and date: a line at the top of page 1. */
async function uploadedBodySlots(pdf: Buffer): Promise<{ number: TextSlot; date: TextSlot }> {
  const loaded = await loadPdfForSigning(pdf);
  const page = loaded.getPage(0);
  const box = page.getCropBox();
  const y = box.y + box.height - 20;
  return {
    number: { pageIndex: 0, x: box.x + 36, y, fontSize: 9, maxWidth: box.width / 2 - 40 },
    date: { pageIndex: 0, x: box.x + box.width / 2 + 10, y, fontSize: 9, maxWidth: box.width / 2 - 46 },
  };
}

/** The slow part, before any transaction: render (or load) the PDF the signers will sign. */
export async function prepareSigning(ctx: Pick<Ctx, "db">, doc: OfficialDocument): Promise<SigningPreparation> {
  const signers = signerSteps(ctx.db, doc.id);
  if (signers.length === 0) throw new DomainError("invalid", "naskah.chain.signerRequired", {}, { signers: "naskah.chain.signerRequired" });
  const issuing = issuingUnitOf(ctx.db, signers[0].step.positionId);
  if (doc.bodySource === "pdf") {
    const file = doc.bodyPdfSha256 ? sqliteFileStore.get(ctx.db, doc.bodyPdfSha256) : null;
    if (!file) throw new DomainError("invalid", "naskah.submit.bodyMissing");
    // Stacked bottom-right on the last page; the signing step moves each block up past the ones before it.
    return { pdf: file.data, placements: signers.map(() => ({ pageIndex: -1, x: 1, y: 1 })), slots: await uploadedBodySlots(file.data), issuingUnitId: issuing?.id ?? null };
  }
  const rendered = await renderDocumentPdf(buildRenderInput(ctx.db, { ...doc, issuingUnitId: issuing?.id ?? null }, { provisional: false }));
  return { pdf: rendered.pdf, placements: rendered.signaturePlacements, slots: { number: rendered.numberSlot, date: rendered.dateSlot }, issuingUnitId: issuing?.id ?? null };
}

/** Inside the caller's transaction: the signing document, its first revision, and the first signer's turn. */
export function enterSigning(tx: Tx, ctx: Ctx, doc: OfficialDocument, prepared: SigningPreparation): void {
  const signers = tx
    .select()
    .from(documentSteps)
    .where(and(eq(documentSteps.documentId, doc.id), eq(documentSteps.role, "signer")))
    .orderBy(asc(documentSteps.sequence))
    .all();
  if (signers.length === 0 || signers.length !== prepared.placements.length) throw new DomainError("conflict", "errors.conflict");
  const signing = tx
    .insert(signedDocuments)
    .values({
      agencyId: doc.agencyId,
      verificationId: randomBytes(16).toString("hex"),
      title: doc.subject,
      securityClass: doc.securityClass,
      ownerEmployeeId: doc.drafterEmployeeId,
      createdAt: ctx.now,
    })
    .returning({ id: signedDocuments.id })
    .get();
  const fileSha256 = sqliteFileStore.put(tx, { data: prepared.pdf, mediaType: "application/pdf" }, ctx.now);
  tx.insert(documentRevisions).values({ documentId: signing.id, sequence: 1, fileSha256, kind: "original", createdByEmployeeId: ctx.actor.employeeId, createdAt: ctx.now }).run();
  signers.forEach((s, i) => {
    tx.update(documentSteps).set({ placement: JSON.stringify(prepared.placements[i]), status: "pending" }).where(eq(documentSteps.id, s.id)).run();
    addParticipant(tx, doc.id, { role: "signer", positionId: s.positionId });
  });
  tx.update(officialDocuments)
    .set({
      status: "signing",
      signedDocumentId: signing.id,
      issuingUnitId: prepared.issuingUnitId,
      stampSlots: JSON.stringify(prepared.slots),
      currentPositionId: signers[0].positionId,
      updatedAt: ctx.now,
    })
    .where(eq(officialDocuments.id, doc.id))
    .run();
  notifyPosition(tx, ctx, signers[0].positionId, documentNotice("signature_requested", doc));
}
