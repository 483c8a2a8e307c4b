import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { documentDeliveries, incomingLetterAddressees, incomingLetters, positions } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { DomainError, invalid } from "@/lib/errors";
import { actorPositionIds, addParticipant, visibleOfficialDocument } from "./access";
import { recordEvent } from "./timeline";

// Receiving: read receipts per receiving post, and forwarding a received document to other posts.

/**
 * Records that the actor opened the document for the post they act under, if it was delivered there and
 * not read yet. Only that post: a Sekretaris who is also Plh of another office and opens a letter as its
 * signer has not read it for that office. The receipt names the person and the assignment they held.
 */
export function markDocumentRead(ctx: Ctx, documentId: number): number {
  const myPositions = ctx.actor.acting ? [ctx.actor.acting.positionId] : [];
  if (myPositions.length === 0) return 0;
  return ctx.db.transaction((tx) => {
    const doc = visibleOfficialDocument(ctx, documentId, tx);
    const unread = tx
      .select({ id: documentDeliveries.id, positionId: documentDeliveries.positionId })
      .from(documentDeliveries)
      .where(and(eq(documentDeliveries.documentId, doc.id), inArray(documentDeliveries.positionId, myPositions), isNull(documentDeliveries.readAt)))
      .all();
    for (const d of unread) {
      const assignment = ctx.actor.acting;
      tx.update(documentDeliveries)
        .set({ readAt: ctx.now, readByEmployeeId: ctx.actor.employeeId, readByAssignmentId: assignment?.assignmentId ?? null })
        .where(eq(documentDeliveries.id, d.id))
        .run();
    }
    if (unread.length > 0) {
      // The same letter booked in the post's incoming register is read too: one letter, one read state.
      tx.update(incomingLetterAddressees)
        .set({ readAt: ctx.now, readByEmployeeId: ctx.actor.employeeId, readByAssignmentId: ctx.actor.acting?.assignmentId ?? null })
        .where(
          and(
            inArray(incomingLetterAddressees.positionId, myPositions),
            isNull(incomingLetterAddressees.readAt),
            inArray(incomingLetterAddressees.letterId, tx.select({ id: incomingLetters.id }).from(incomingLetters).where(eq(incomingLetters.officialDocumentId, doc.id))),
          ),
        )
        .run();
      recordEvent(tx, ctx, doc.id, "read");
      writeAudit(tx, ctx, { action: "official_document.read", entityType: "official_document", entityId: doc.id, after: { positions: unread.map((d) => d.positionId) } });
    }
    return unread.length;
  });
}

/**
 * Forwards a sent document to other posts of the agency (e.g. a head passing a circular to the staff who
 * must know it). Only someone it was delivered to, its drafter or signer may forward; secret documents
 * (Rahasia, Sangat Rahasia) are never widened this way.
 */
export function forwardDocument(ctx: Ctx, documentId: number, input: { positionIds: number[]; note: string }): { delivered: number } {
  const ids = [...new Set(input.positionIds)];
  if (ids.length === 0) throw invalid({ positionIds: "naskah.forward.noRecipients" });
  if (ids.length > 50) throw invalid({ positionIds: "naskah.recipients.tooMany" });
  if (input.note.length > 1000) throw invalid({ note: "validation.tooLong" });
  return ctx.db.transaction((tx) => {
    const doc = visibleOfficialDocument(ctx, documentId, tx);
    if (doc.status !== "sent") throw new DomainError("conflict", "naskah.forward.notSent");
    if (doc.securityClass === "R" || doc.securityClass === "SR") throw new DomainError("forbidden", "naskah.forward.secret");
    const mine = actorPositionIds(ctx.actor);
    const received = mine.length
      ? tx.select({ id: documentDeliveries.id }).from(documentDeliveries).where(and(eq(documentDeliveries.documentId, doc.id), inArray(documentDeliveries.positionId, mine))).get()
      : undefined;
    if (!received && doc.drafterEmployeeId !== ctx.actor.employeeId) throw new DomainError("forbidden", "naskah.forward.notRecipient");
    const found = tx
      .select({ id: positions.id })
      .from(positions)
      .where(and(inArray(positions.id, ids), eq(positions.agencyId, ctx.actor.agencyId), eq(positions.active, true)))
      .all();
    if (found.length !== ids.length) throw invalid({ positionIds: "naskah.recipients.unknown" });
    const already = new Set(
      tx.select({ positionId: documentDeliveries.positionId }).from(documentDeliveries).where(and(eq(documentDeliveries.documentId, doc.id), inArray(documentDeliveries.positionId, ids))).all().map((d) => d.positionId),
    );
    const fresh = ids.filter((id) => !already.has(id));
    for (const positionId of fresh) {
      tx.insert(documentDeliveries).values({ documentId: doc.id, positionId, kind: "to", deliveredAt: ctx.now }).run();
      addParticipant(tx, doc.id, { role: "to", positionId });
    }
    recordEvent(tx, ctx, doc.id, "forwarded", { note: input.note.trim() });
    writeAudit(tx, ctx, { action: "official_document.forwarded", entityType: "official_document", entityId: doc.id, after: { positionIds: fresh, note: input.note.trim() } });
    return { delivered: fresh.length };
  });
}
