import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { agencies, classificationCodes, incomingLetterAddressees, incomingLetters, letterEvents, officialDocuments, positions, units } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx, Tx } from "@/lib/context";
import { DomainError, invalid } from "@/lib/errors";
import { sqliteFileStore } from "@/lib/files/file-store";
import { actorLabel } from "@/lib/documents/timeline";
import { issuingUnitOf } from "@/lib/documents/render-model";
import { issueNumber } from "@/lib/numbering/issue-number";
import { formatRegisterKey } from "@/lib/numbering/register-key";
import { maxPdfBytes, MAX_PDF_PAGES, PdfInputError } from "@/lib/signing/pdf-input";
import { checkUploadedPdf } from "@/lib/files/pdf-safety";
import { notifyPosition } from "@/lib/notifications/notify";
import { localDate } from "@/lib/time";
import { withBusyRetry } from "@/lib/busy-retry";
import { extractPdfText, indexLetter } from "@/lib/search";

// Registering an incoming letter (surat masuk): the records clerk types what the paper says, attaches the scan,
// names the addressed posts, and the register gives the next agenda number. Letters sent inside Kawan arrive in
// the receiving OPD's register the same way, without retyping.

/** Each OPD keeps its own agenda book; its series names the register unit so books never share numbers. */
export const agendaRegisterKey = (registerUnitId: number) => formatRegisterKey({ scope: "agency", series: `AG-${registerUnitId}` });
const AGENDA_TEMPLATE = "{urut}";

export type LetterFields = {
  senderAgency: string;
  senderName: string;
  letterNumber: string;
  letterDate: string;
  receivedDate: string;
  subject: string;
  securityClass: "B" | "T" | "R" | "SR";
  urgency: "biasa" | "segera" | "amat_segera";
  classificationCode: string;
  attachmentCount: number;
  summary: string;
};

function checkAddressees(tx: Tx, agencyId: number, positionIds: number[]): void {
  const ids = [...new Set(positionIds)];
  if (ids.length === 0) throw invalid({ addressees: "incoming.register.addresseeRequired" });
  if (ids.length !== positionIds.length) throw invalid({ addressees: "incoming.register.duplicateAddressee" });
  const found = tx.select({ id: positions.id }).from(positions).where(and(inArray(positions.id, ids), eq(positions.agencyId, agencyId), eq(positions.active, true))).all();
  if (found.length !== ids.length) throw invalid({ addressees: "incoming.register.unknownAddressee" });
}

function issueAgendaNumber(tx: Tx, ctx: Ctx, registerUnitId: number, ref: string) {
  return issueNumber(tx, ctx, { registerKey: agendaRegisterKey(registerUnitId), template: AGENDA_TEMPLATE, values: {}, documentRef: ref });
}

export function recordLetterEvent(tx: Tx, ctx: Ctx, letterId: number, action: (typeof letterEvents.$inferInsert)["action"], note = "", dispositionId: number | null = null) {
  tx.insert(letterEvents).values({ letterId, dispositionId, action, actorEmployeeId: ctx.actor.employeeId, actorLabel: actorLabel(ctx), note, at: ctx.now }).run();
}

function addAddressees(tx: Tx, ctx: Ctx, letterId: number, positionIds: number[], subject: string): void {
  for (const positionId of positionIds) {
    tx.insert(incomingLetterAddressees).values({ letterId, positionId, createdAt: ctx.now }).run();
    notifyPosition(tx, ctx, positionId, { kind: "document_received", messageKey: "notifications.messages.letterReceived", params: { subject }, href: `/surat-masuk/${letterId}` });
  }
}

/**
 * Registers a letter in the clerk's register (the OPD of the post they act under). The scan is a PDF: photos
 * are combined into one before this is called. The agenda number is issued in the same immediate
 * transaction, so concurrent registrations never share or skip a number.
 */
export async function registerIncomingLetter(ctx: Ctx, input: { fields: LetterFields; addresseePositionIds: number[]; pdf: Buffer | null }): Promise<{ letterId: number; agendaNumber: string }> {
  assertCan(ctx.actor, "letter.register", { agencyId: ctx.actor.agencyId });
  if (!ctx.actor.acting) throw new DomainError("forbidden", "naskah.noActingPosition");
  const register = issuingUnitOf(ctx.db, ctx.actor.acting.positionId);
  if (!register) throw new DomainError("forbidden", "incoming.register.noRegister");
  if (input.pdf) {
    try {
      await checkUploadedPdf(input.pdf);
    } catch (error) {
      if (error instanceof PdfInputError) throw new DomainError("invalid", error.messageKey, { maxMb: Math.round(maxPdfBytes() / 1048576), maxPages: MAX_PDF_PAGES }, { file: error.messageKey });
      throw error;
    }
  }
  const pdfText = input.pdf ? await extractPdfText(input.pdf) : undefined;
  const problems: Record<string, string> = {};
  if (input.fields.receivedDate < input.fields.letterDate) problems.receivedDate = "incoming.register.receivedBeforeLetter";
  const agency = ctx.db.select({ timeZone: agencies.timeZone }).from(agencies).where(eq(agencies.id, ctx.actor.agencyId)).get();
  if (input.fields.receivedDate > localDate(ctx.now, agency?.timeZone ?? "Asia/Jakarta")) problems.receivedDate = "incoming.register.receivedInFuture";
  if (Object.keys(problems).length) throw invalid(problems);

  return withBusyRetry(() => ctx.db.transaction(
    (tx) => {
      checkAddressees(tx, ctx.actor.agencyId, input.addresseePositionIds);
      if (input.fields.classificationCode && !tx.select({ code: classificationCodes.code }).from(classificationCodes).where(eq(classificationCodes.code, input.fields.classificationCode)).get()) {
        throw invalid({ classificationCode: "naskah.draft.unknownClassification" });
      }
      const fileSha256 = input.pdf ? sqliteFileStore.put(tx, { data: input.pdf, mediaType: "application/pdf" }, ctx.now) : null;
      const { fields, addresseePositionIds } = input;
      const letter = tx
        .insert(incomingLetters)
        .values({ ...fields, agencyId: ctx.actor.agencyId, registerUnitId: register.id, agendaNumber: "", fileSha256, registeredByEmployeeId: ctx.actor.employeeId, createdAt: ctx.now })
        .returning({ id: incomingLetters.id })
        .get();
      const agenda = issueAgendaNumber(tx, ctx, register.id, `surat-masuk:${letter.id}`);
      tx.update(incomingLetters).set({ agendaNumber: agenda.number, issuedNumberId: agenda.id }).where(eq(incomingLetters.id, letter.id)).run();
      addAddressees(tx, ctx, letter.id, addresseePositionIds, fields.subject);
      indexLetter(tx, letter.id, pdfText);
      recordLetterEvent(tx, ctx, letter.id, "registered", agenda.number);
      writeAudit(tx, ctx, {
        action: "incoming_letter.registered",
        entityType: "incoming_letter",
        entityId: letter.id,
        after: { agendaNumber: agenda.number, registerUnitId: register.id, letterNumber: fields.letterNumber, senderAgency: fields.senderAgency, addressees: addresseePositionIds, sha256: fileSha256 },
      });
      return { letterId: letter.id, agendaNumber: agenda.number };
    },
    { behavior: "immediate" },
  ));
}

/**
 * Inside the sending transaction of an official document: the letter arrives in the register of the receiving
 * post's OPD with an agenda number, addressed to that post, linked to the document (no retyping, no scan).
 */
export function registerDeliveredDocument(tx: Tx, ctx: Ctx, documentId: number, positionId: number, receivedDate: string): void {
  const register = issuingUnitOf(tx, positionId);
  const doc = tx.select().from(officialDocuments).where(eq(officialDocuments.id, documentId)).get();
  if (!register || !doc || !doc.number) return;
  const existing = tx
    .select({ id: incomingLetters.id })
    .from(incomingLetters)
    .where(and(eq(incomingLetters.officialDocumentId, documentId), eq(incomingLetters.registerUnitId, register.id)))
    .get();
  const sendingUnit = doc.issuingUnitId ? tx.select({ name: units.name }).from(units).where(eq(units.id, doc.issuingUnitId)).get() : null;
  if (existing) {
    // Two posts of the same OPD: one letter in the book, addressed to both.
    tx.insert(incomingLetterAddressees).values({ letterId: existing.id, positionId, createdAt: ctx.now }).onConflictDoNothing().run();
    return;
  }
  const letter = tx
    .insert(incomingLetters)
    .values({
      agencyId: doc.agencyId,
      registerUnitId: register.id,
      agendaNumber: "",
      senderAgency: sendingUnit?.name ?? "",
      senderName: ctx.actor.displayName,
      letterNumber: doc.number,
      letterDate: doc.documentDate ?? receivedDate,
      receivedDate,
      subject: doc.subject,
      securityClass: doc.securityClass,
      urgency: doc.urgency,
      classificationCode: doc.classificationCode,
      attachmentCount: doc.attachmentCount,
      summary: doc.summary,
      officialDocumentId: doc.id,
      createdAt: ctx.now,
    })
    .returning({ id: incomingLetters.id })
    .get();
  const agenda = issueAgendaNumber(tx, ctx, register.id, `surat-masuk:${letter.id}`);
  tx.update(incomingLetters).set({ agendaNumber: agenda.number, issuedNumberId: agenda.id }).where(eq(incomingLetters.id, letter.id)).run();
  tx.insert(incomingLetterAddressees).values({ letterId: letter.id, positionId, createdAt: ctx.now }).run();
  indexLetter(tx, letter.id);
  recordLetterEvent(tx, ctx, letter.id, "registered", agenda.number);
  writeAudit(tx, ctx, { action: "incoming_letter.delivered", entityType: "incoming_letter", entityId: letter.id, after: { documentId: doc.id, agendaNumber: agenda.number, registerUnitId: register.id } });
}
