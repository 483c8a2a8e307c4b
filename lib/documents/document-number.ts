import "server-only";
import { eq } from "drizzle-orm";
import { documentTypes, officialDocuments, units } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx, DbOrTx, Tx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { issueManualNumberInTx, issueNumber, type IssuedNumber } from "@/lib/numbering/issue-number";
import { registerKeyFor } from "@/lib/numbering/register-key";
import { visibleOfficialDocument, type OfficialDocument } from "./access";
import { recordEvent } from "./timeline";
import { withBusyRetry } from "@/lib/busy-retry";
import { indexDocument } from "@/lib/search";

// The number of an official document. It is given at the last signature (see signing.ts), by the system
// under the records clerk's authority, from the type's template and the issuing unit's register; never from
// the client. One document, one number: the issued number's documentRef is "naskah:<id>", so a signing
// that failed after its number was given reuses that number instead of leaving a gap.

export const documentRef = (documentId: number) => `naskah:${documentId}`;

function registerOf(tx: DbOrTx, doc: OfficialDocument) {
  const type = tx.select().from(documentTypes).where(eq(documentTypes.id, doc.documentTypeId)).get();
  const unit = doc.issuingUnitId ? tx.select().from(units).where(eq(units.id, doc.issuingUnitId)).get() : null;
  if (!type) throw new Error(`document ${doc.id} has no type`);
  return { type, unit, registerKey: registerKeyFor(type, unit ?? null) };
}

function storeNumber(tx: Tx, ctx: Ctx, doc: OfficialDocument, issued: IssuedNumber, note = ""): void {
  tx.update(officialDocuments).set({ number: issued.number, issuedNumberId: issued.id, updatedAt: ctx.now }).where(eq(officialDocuments.id, doc.id)).run();
  recordEvent(tx, ctx, doc.id, "numbered", { note: note ? `${issued.number} — ${note}` : issued.number });
  indexDocument(tx, doc.id);
}

/**
 * The document's number, issuing it now if it has none. Runs in an immediate transaction of its own, so
 * concurrent last signatures in several server processes queue on SQLite's write lock instead of reading
 * the same last sequence. The caller has checked that the actor is the document's last signer.
 */
export function finaliseDocumentNumber(ctx: Ctx, documentId: number): { number: string; issuedNumberId: number } {
  return withBusyRetry(() => issueDocumentNumber(ctx, documentId));
}

function issueDocumentNumber(ctx: Ctx, documentId: number): { number: string; issuedNumberId: number } {
  return ctx.db.transaction(
    (tx) => {
      const doc = visibleOfficialDocument(ctx, documentId, tx);
      if (doc.number && doc.issuedNumberId) return { number: doc.number, issuedNumberId: doc.issuedNumberId };
      if (doc.status !== "signing") throw new DomainError("conflict", "naskah.number.notSigning");
      const { type, unit, registerKey } = registerOf(tx, doc);
      const issued = issueNumber(tx, ctx, {
        registerKey,
        template: type.numberingTemplate,
        values: { kode: doc.classificationCode || undefined, unit: unit?.shortName || undefined, sifat: doc.securityClass },
        documentRef: documentRef(doc.id),
      });
      storeNumber(tx, ctx, doc, issued);
      return { number: issued.number, issuedNumberId: issued.id };
    },
    { behavior: "immediate" },
  );
}

/**
 * The records clerk numbers a document by hand (during an outage of the automatic register, or to follow
 * a number already given on paper), with a reason; audited. Only before the last signature: the number
 * is then stamped into the document at that signature like an automatic one.
 */
export function assignManualDocumentNumber(ctx: Ctx, documentId: number, input: { number: string; reason: string }): { number: string } {
  assertCan(ctx.actor, "number.manual", { agencyId: ctx.actor.agencyId });
  return ctx.db.transaction(
    (tx) => {
      const doc = visibleOfficialDocument(ctx, documentId, tx);
      if (doc.status !== "signing") throw new DomainError("conflict", "naskah.number.notSigning");
      if (doc.number) throw new DomainError("conflict", "numbering.alreadyNumbered", { number: doc.number });
      const { registerKey } = registerOf(tx, doc);
      const issued = issueManualNumberInTx(tx, ctx, { registerKey, number: input.number, reason: input.reason, documentRef: documentRef(doc.id) });
      storeNumber(tx, ctx, doc, issued, input.reason.trim());
      writeAudit(tx, ctx, {
        action: "official_document.manually_numbered",
        entityType: "official_document",
        entityId: doc.id,
        after: { number: issued.number, reason: input.reason.trim() },
      });
      return { number: issued.number };
    },
    { behavior: "immediate" },
  );
}
