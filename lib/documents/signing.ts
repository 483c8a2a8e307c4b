import "server-only";
import { and, desc, eq, max } from "drizzle-orm";
import { agencies, documentRevisions, documentSigners, documentSteps, officialDocuments, positions, signedDocuments } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { DomainError, notFound } from "@/lib/errors";
import { sqliteFileStore } from "@/lib/files/file-store";
import { documentNotice } from "@/lib/notifications/document-notices";
import { notifyPosition } from "@/lib/notifications/notify";
import { formatNip } from "@/lib/org/nip";
import { localDate } from "@/lib/time";
import type { Placement, TextStamp } from "@/lib/signing/pdf-incremental";
import { PdfInputError } from "@/lib/signing/pdf-input";
import { signPdf } from "@/lib/signing/sign-pdf";
import { signedAtLabel, signingPositionLabel } from "@/lib/signing/signature-block";
import { unlockSigner } from "@/lib/signing/unlock-signer";
import { addParticipant, visibleOfficialDocument } from "./access";
import { deliverDocument } from "./delivery";
import { finaliseDocumentNumber } from "./document-number";
import { documentDateLabel } from "./labels";
import type { TextSlot } from "./render/render-input";
import { stampForSlot } from "./render/stamps";
import { currentStepFor } from "./review";
import { recordEvent } from "./timeline";
import { extractPdfText, indexDocument } from "@/lib/search";

// Signing an official document with TTE. Each signer, in order, enters their own passphrase; the block
// goes where the renderer reserved it. At the last signature the number is issued (or the clerk's manual
// number taken), stamped with the date into the same incremental update, so the last signature covers
// the number too; then the document is delivered, all in one transaction with the signature.

/** "a.n. Bupati Banyuwangi, Sekretaris Daerah" / "Plt. Kepala Dinas ..." as printed in the TTE block. */
function blockPositionLabel(ctx: Ctx, onBehalfOfName: string | null): string {
  const own = signingPositionLabel(ctx.actor.acting);
  return onBehalfOfName ? `a.n. ${onBehalfOfName}, ${own}` : own;
}

export async function signOfficialDocument(
  ctx: Ctx,
  input: { documentId: number; passphrase: string; verificationBaseUrl: string },
): Promise<{ completed: boolean; number: string | null }> {
  const doc = visibleOfficialDocument(ctx, input.documentId);
  if (doc.status !== "signing" || !doc.signedDocumentId) throw new DomainError("conflict", "naskah.sign.notSigning");
  const { step, remaining } = currentStepFor(ctx.db, ctx, doc, "signer");
  const isLast = remaining.length === 0;
  // The passphrase first: a wrong one must not issue a number.
  const unlocked = await unlockSigner(ctx, input.passphrase);

  const signing = ctx.db.select().from(signedDocuments).where(eq(signedDocuments.id, doc.signedDocumentId)).get();
  const revision = ctx.db.select().from(documentRevisions).where(eq(documentRevisions.documentId, doc.signedDocumentId)).orderBy(desc(documentRevisions.sequence)).get();
  const file = revision ? sqliteFileStore.get(ctx.db, revision.fileSha256) : null;
  const agency = ctx.db.select().from(agencies).where(eq(agencies.id, doc.agencyId)).get();
  if (!signing || !revision || !file || !agency) throw notFound();
  const onBehalf = step.onBehalfOfPositionId
    ? (ctx.db.select({ name: positions.name }).from(positions).where(eq(positions.id, step.onBehalfOfPositionId)).get()?.name ?? null)
    : null;
  const positionLabel = blockPositionLabel(ctx, onBehalf);
  const documentDate = localDate(ctx.now, agency.timeZone);

  let number: string | null = null;
  const stamps: TextStamp[] = [];
  if (isLast) {
    number = finaliseDocumentNumber(ctx, doc.id).number;
    const slots = JSON.parse(doc.stampSlots ?? "null") as { number: TextSlot; date: TextSlot } | null;
    if (slots) stamps.push(stampForSlot(slots.number, number), stampForSlot(slots.date, documentDateLabel(documentDate)));
  }

  let signed: { bytes: Buffer; fieldName: string };
  try {
    signed = await signPdf(file.data, {
      provider: unlocked.provider,
      placement: JSON.parse(step.placement ?? '{"pageIndex":-1,"x":1,"y":1}') as Placement,
      signingTime: ctx.now,
      reason: `Menandatangani: ${doc.subject}`.slice(0, 200),
      location: agency.regionName,
      block: {
        verificationUrl: `${input.verificationBaseUrl.replace(/\/$/, "")}/verifikasi/${signing.verificationId}`,
        heading: "Ditandatangani secara elektronik oleh",
        signerName: ctx.actor.displayName,
        positionLabel,
        nip: formatNip(ctx.actor.nip),
        signedAtLabel: signedAtLabel(ctx.now, agency.timeZone),
      },
      stamps,
    });
  } catch (error) {
    if (error instanceof PdfInputError) throw new DomainError("invalid", error.messageKey);
    throw error;
  }
  const finalText = isLast ? await extractPdfText(signed.bytes) : undefined;

  return ctx.db.transaction(
    (tx) => {
      const current = visibleOfficialDocument(ctx, doc.id, tx);
      if (current.status !== "signing" || current.signedDocumentId !== signing.id) throw new DomainError("conflict", "naskah.sign.notSigning");
      const { step: now, remaining: rest } = currentStepFor(tx, ctx, current, "signer");
      const latest = tx.select({ sequence: max(documentRevisions.sequence) }).from(documentRevisions).where(eq(documentRevisions.documentId, signing.id)).get();
      if (now.id !== step.id || latest?.sequence !== revision.sequence) throw new DomainError("conflict", "errors.conflict");
      const fileSha256 = sqliteFileStore.put(tx, { data: signed.bytes, mediaType: "application/pdf" }, ctx.now);
      const created = tx
        .insert(documentRevisions)
        .values({ documentId: signing.id, sequence: revision.sequence + 1, fileSha256, kind: "signature", createdByEmployeeId: ctx.actor.employeeId, createdAt: ctx.now })
        .returning({ id: documentRevisions.id })
        .get();
      tx.insert(documentSigners)
        .values({
          documentId: signing.id,
          sequence: step.sequence,
          signerEmployeeId: ctx.actor.employeeId,
          status: "signed",
          assignmentId: ctx.actor.acting?.assignmentId ?? null,
          signerName: ctx.actor.displayName,
          signerNip: ctx.actor.nip,
          positionLabel,
          certificateId: unlocked.certificate.id,
          revisionId: created.id,
          fieldName: signed.fieldName,
          signedAt: ctx.now,
        })
        .run();
      tx.update(documentSteps)
        .set({ status: "done", actedByEmployeeId: ctx.actor.employeeId, actedAssignmentId: ctx.actor.acting?.assignmentId ?? null, actedLabel: positionLabel, actedAt: ctx.now })
        .where(eq(documentSteps.id, step.id))
        .run();
      addParticipant(tx, doc.id, { role: "signer", employeeId: ctx.actor.employeeId });
      recordEvent(tx, ctx, doc.id, "signed", { version: current.version });
      let delivered = { positions: 0, external: 0 };
      if (rest.length > 0) {
        tx.update(officialDocuments).set({ currentPositionId: rest[0].positionId, updatedAt: ctx.now }).where(eq(officialDocuments.id, doc.id)).run();
        notifyPosition(tx, ctx, rest[0].positionId, documentNotice("signature_requested", current));
      } else {
        if (!number || current.number !== number) throw new DomainError("conflict", "errors.conflict");
        tx.update(signedDocuments).set({ status: "signed", documentNumber: number, documentDate }).where(eq(signedDocuments.id, signing.id)).run();
        tx.update(officialDocuments)
          .set({ status: "sent", currentPositionId: null, documentDate, sentAt: ctx.now, updatedAt: ctx.now })
          .where(and(eq(officialDocuments.id, doc.id), eq(officialDocuments.status, "signing")))
          .run();
        indexDocument(tx, doc.id, finalText);
        delivered = deliverDocument(tx, ctx, doc.id, agency.timeZone);
        recordEvent(tx, ctx, doc.id, "sent", { note: String(delivered.positions) });
      }
      writeAudit(tx, ctx, {
        action: "official_document.signed",
        entityType: "official_document",
        entityId: doc.id,
        after: {
          step: step.sequence,
          positionLabel,
          certificateId: unlocked.certificate.id,
          revision: revision.sequence + 1,
          sha256: fileSha256,
          ...(rest.length === 0 ? { number, documentDate, deliveredTo: delivered.positions, external: delivered.external } : {}),
        },
      });
      return { completed: rest.length === 0, number };
    },
    { behavior: "immediate" },
  );
}
