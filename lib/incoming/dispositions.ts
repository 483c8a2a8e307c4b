import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { dispositions, documentDeliveries, incomingLetterAddressees, positions } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx, DbOrTx } from "@/lib/context";
import { DomainError, forbidden, invalid, notFound } from "@/lib/errors";
import { actorLabel, recordEvent } from "@/lib/documents/timeline";
import { addParticipant } from "@/lib/documents/access";
import { createDraft } from "@/lib/documents/drafts";
import { sqliteFileStore } from "@/lib/files/file-store";
import { notifyPosition } from "@/lib/notifications/notify";
import { subordinatePositionIds } from "@/lib/org/org-queries";
import { visibleLetter, type Disposition, type IncomingLetter } from "./access";
import { activeInstructions } from "./instructions";
import { recordLetterEvent } from "./register";

// Dispositions: a post forwards a letter to posts below it with instructions, a note, urgency and a deadline;
// recipients forward further, report follow-up, complete or decline. Every action is taken by whoever acts
// under the post concerned (definitif, Plt or Plh) and records that assignment.

export const NOTE_MAX = 2000;
export const MAX_RECIPIENTS = 30;

export type DisposeInput = {
  letterId: number;
  /** The disposition the actor received and forwards further; null when the actor's post is an addressee. */
  parentId: number | null;
  toPositionIds: number[];
  instructions: string[];
  otherInstruction: string;
  note: string;
  urgency: "biasa" | "segera" | "amat_segera";
  deadline: string | null;
  copySuperior: boolean;
};

function actingPost(ctx: Ctx): number {
  if (!ctx.actor.acting) throw new DomainError("forbidden", "naskah.noActingPosition");
  return ctx.actor.acting.positionId;
}

/** A disposition the actor received under the post they act in, for acting on it. */
function receivedDisposition(tx: DbOrTx, ctx: Ctx, dispositionId: number): { disposition: Disposition; letter: IncomingLetter } {
  const disposition = tx.select().from(dispositions).where(eq(dispositions.id, dispositionId)).get();
  if (!disposition) throw notFound();
  const letter = visibleLetter(ctx, disposition.letterId, tx);
  if (disposition.toPositionId !== actingPost(ctx)) {
    if (ctx.actor.assignments.some((a) => a.positionId === disposition.toPositionId)) throw new DomainError("forbidden", "naskah.review.switchPosition");
    throw forbidden();
  }
  return { disposition, letter };
}

const OPEN: Disposition["state"][] = ["unread", "read", "in_progress"];

/** Forwards the letter down from the actor's post (as an addressee or as the recipient of `parentId`). */
export function disposeLetter(ctx: Ctx, input: DisposeInput): { dispositionIds: number[] } {
  const from = actingPost(ctx);
  const targets = [...new Set(input.toPositionIds)];
  if (targets.length === 0) throw invalid({ toPositionIds: "incoming.dispose.recipientRequired" });
  if (targets.length > MAX_RECIPIENTS) throw invalid({ toPositionIds: "naskah.recipients.tooMany" });
  if (input.note.length > NOTE_MAX) throw invalid({ note: "validation.tooLong" });
  return ctx.db.transaction((tx) => {
    const letter = visibleLetter(ctx, input.letterId, tx);
    let parent: Disposition | null = null;
    if (input.parentId === null) {
      const addressee = tx.select().from(incomingLetterAddressees).where(and(eq(incomingLetterAddressees.letterId, letter.id), eq(incomingLetterAddressees.positionId, from))).get();
      if (!addressee) throw forbidden();
      if (addressee.state === "no_disposition") throw new DomainError("conflict", "incoming.dispose.closed");
    } else {
      parent = receivedDisposition(tx, ctx, input.parentId).disposition;
      if (parent.letterId !== letter.id || parent.kind !== "to") throw forbidden();
      if (!OPEN.includes(parent.state)) throw new DomainError("conflict", "incoming.dispose.closed");
    }
    // Down the hierarchy only: posts that report to the sender, directly or further down.
    const below = new Set(subordinatePositionIds(tx, from));
    if (targets.some((id) => !below.has(id))) throw invalid({ toPositionIds: "incoming.dispose.notBelow" });
    const found = tx.select().from(positions).where(and(inArray(positions.id, targets), eq(positions.active, true))).all();
    if (found.length !== targets.length) throw invalid({ toPositionIds: "naskah.recipients.unknown" });
    const allowed = new Set(activeInstructions(tx, ctx.actor.agencyId));
    const instructions = [...new Set(input.instructions)];
    if (instructions.some((i) => !allowed.has(i))) throw invalid({ instructions: "incoming.dispose.unknownInstruction" });
    const other = input.otherInstruction.trim().slice(0, 200);
    if (instructions.length === 0 && !other) throw invalid({ instructions: "incoming.dispose.instructionRequired" });
    const ticked = other ? [...instructions, `Lain-lain: ${other}`] : instructions;

    const label = actorLabel(ctx);
    const base = {
      letterId: letter.id,
      parentId: parent?.id ?? null,
      fromPositionId: from,
      fromEmployeeId: ctx.actor.employeeId,
      fromAssignmentId: ctx.actor.acting?.assignmentId ?? null,
      fromLabel: label,
      instructions: JSON.stringify(ticked),
      note: input.note.trim(),
      urgency: input.urgency,
      deadline: input.deadline,
      createdAt: ctx.now,
    };
    const ids: number[] = [];
    for (const target of found) {
      const row = tx.insert(dispositions).values({ ...base, toPositionId: target.id, kind: "to" }).returning({ id: dispositions.id }).get();
      ids.push(row.id);
      // A naskah delivered inside Kawan is readable by everyone its letter is dispositioned to.
      if (letter.officialDocumentId) addParticipant(tx, letter.officialDocumentId, { role: "disposition", positionId: target.id });
      notifyPosition(tx, ctx, target.id, { kind: "disposition_received", messageKey: "notifications.messages.dispositionReceived", params: { subject: letter.subject }, href: `/surat-masuk/${letter.id}` });
      // "Tembuskan ke atasan": the recipient's own superior hears of it, unless that is the sender.
      if (input.copySuperior && target.superiorId && target.superiorId !== from) {
        tx.insert(dispositions).values({ ...base, toPositionId: target.superiorId, kind: "cc" }).run();
      }
    }
    if (parent) tx.update(dispositions).set({ state: "in_progress", actedAt: ctx.now, actedByEmployeeId: ctx.actor.employeeId, actedAssignmentId: ctx.actor.acting?.assignmentId ?? null }).where(eq(dispositions.id, parent.id)).run();
    else tx.update(incomingLetterAddressees).set({ state: "dispositioned" }).where(and(eq(incomingLetterAddressees.letterId, letter.id), eq(incomingLetterAddressees.positionId, from))).run();
    recordLetterEvent(tx, ctx, letter.id, "dispositioned", found.map((p) => p.name).join("; "), ids[0]);
    writeAudit(tx, ctx, {
      action: "disposition.created",
      entityType: "incoming_letter",
      entityId: letter.id,
      after: { parentId: parent?.id ?? null, to: targets, instructions: ticked, deadline: input.deadline, urgency: input.urgency, copySuperior: input.copySuperior, ids },
    });
    return { dispositionIds: ids };
  });
}

/** "No disposition needed": the addressee closes the letter for their post (for information / archive). */
export function closeWithoutDisposition(ctx: Ctx, letterId: number, note: string): void {
  const from = actingPost(ctx);
  if (note.length > NOTE_MAX) throw invalid({ note: "validation.tooLong" });
  ctx.db.transaction((tx) => {
    const letter = visibleLetter(ctx, letterId, tx);
    const addressee = tx.select().from(incomingLetterAddressees).where(and(eq(incomingLetterAddressees.letterId, letter.id), eq(incomingLetterAddressees.positionId, from))).get();
    if (!addressee) throw forbidden();
    if (addressee.state !== "pending") throw new DomainError("conflict", "incoming.dispose.closed");
    tx.update(incomingLetterAddressees)
      .set({ state: "no_disposition", closedNote: note.trim(), closedAt: ctx.now, closedByEmployeeId: ctx.actor.employeeId })
      .where(eq(incomingLetterAddressees.id, addressee.id))
      .run();
    recordLetterEvent(tx, ctx, letter.id, "no_disposition", note.trim());
    writeAudit(tx, ctx, { action: "incoming_letter.no_disposition", entityType: "incoming_letter", entityId: letter.id, after: { positionId: from, note: note.trim() } });
  });
}

/** Opening a letter reads it for the post the actor acts under: as addressee and as recipient of its dispositions. */
export function markLetterRead(ctx: Ctx, letterId: number): number {
  if (!ctx.actor.acting) return 0;
  const post = ctx.actor.acting.positionId;
  return ctx.db.transaction((tx) => {
    const letter = visibleLetter(ctx, letterId, tx);
    const who = { readAt: ctx.now, readByEmployeeId: ctx.actor.employeeId, readByAssignmentId: ctx.actor.acting?.assignmentId ?? null };
    const addressed = tx
      .update(incomingLetterAddressees)
      .set(who)
      .where(and(eq(incomingLetterAddressees.letterId, letter.id), eq(incomingLetterAddressees.positionId, post), isNull(incomingLetterAddressees.readAt)))
      .run().changes;
    const unread = tx.select({ id: dispositions.id }).from(dispositions).where(and(eq(dispositions.letterId, letter.id), eq(dispositions.toPositionId, post), eq(dispositions.state, "unread"))).all();
    for (const d of unread) tx.update(dispositions).set({ ...who, state: "read" }).where(eq(dispositions.id, d.id)).run();
    if (addressed > 0 && letter.officialDocumentId) {
      // A naskah delivered inside Kawan: reading its booked letter is reading the naskah, for the sender's receipt.
      const delivered = tx
        .update(documentDeliveries)
        .set({ readAt: ctx.now, readByEmployeeId: ctx.actor.employeeId, readByAssignmentId: ctx.actor.acting?.assignmentId ?? null })
        .where(and(eq(documentDeliveries.documentId, letter.officialDocumentId), eq(documentDeliveries.positionId, post), isNull(documentDeliveries.readAt)))
        .run().changes;
      if (delivered > 0) recordEvent(tx, ctx, letter.officialDocumentId, "read");
    }
    if (addressed + unread.length > 0) {
      recordLetterEvent(tx, ctx, letter.id, "read", "", unread[0]?.id ?? null);
      writeAudit(tx, ctx, { action: "incoming_letter.read", entityType: "incoming_letter", entityId: letter.id, after: { positionId: post, dispositions: unread.map((d) => d.id) } });
    }
    return addressed + unread.length;
  });
}


/** The sender takes a disposition back while its recipient has not read it. */
export function withdrawDisposition(ctx: Ctx, dispositionId: number): void {
  const post = actingPost(ctx);
  ctx.db.transaction((tx) => {
    const d = tx.select().from(dispositions).where(eq(dispositions.id, dispositionId)).get();
    if (!d) throw notFound();
    const letter = visibleLetter(ctx, d.letterId, tx);
    if (d.fromPositionId !== post) throw forbidden();
    if (d.state !== "unread") throw new DomainError("conflict", "incoming.withdraw.alreadyRead");
    tx.update(dispositions).set({ state: "withdrawn", actedAt: ctx.now, actedByEmployeeId: ctx.actor.employeeId, actedAssignmentId: ctx.actor.acting?.assignmentId ?? null }).where(eq(dispositions.id, d.id)).run();
    recordLetterEvent(tx, ctx, letter.id, "withdrawn", "", d.id);
    writeAudit(tx, ctx, { action: "disposition.withdrawn", entityType: "incoming_letter", entityId: letter.id, after: { dispositionId: d.id, toPositionId: d.toPositionId } });
  });
}

/** Tindak lanjut: the recipient reports what was done, with an optional file (PDF or image), and may complete. */
export function reportFollowUp(ctx: Ctx, dispositionId: number, input: { note: string; file: { data: Buffer; mediaType: string } | null; complete: boolean }): void {
  const note = input.note.trim();
  if (note.length < 3) throw invalid({ note: "incoming.followUp.noteRequired" });
  if (note.length > NOTE_MAX) throw invalid({ note: "validation.tooLong" });
  ctx.db.transaction((tx) => {
    const { disposition: d, letter } = receivedDisposition(tx, ctx, dispositionId);
    if (d.kind !== "to") throw new DomainError("conflict", "incoming.followUp.copyOnly");
    if (!OPEN.includes(d.state) && d.state !== "followed_up") throw new DomainError("conflict", "incoming.dispose.closed");
    const sha = input.file ? sqliteFileStore.put(tx, input.file, ctx.now) : d.followUpFileSha256;
    const state = input.complete ? "completed" : "followed_up";
    tx.update(dispositions)
      .set({ state, followUpNote: note, followUpFileSha256: sha, actedAt: ctx.now, actedByEmployeeId: ctx.actor.employeeId, actedAssignmentId: ctx.actor.acting?.assignmentId ?? null, readAt: d.readAt ?? ctx.now })
      .where(eq(dispositions.id, d.id))
      .run();
    notifyPosition(tx, ctx, d.fromPositionId, { kind: "follow_up_reported", messageKey: "notifications.messages.followUpReported", params: { subject: letter.subject }, href: `/surat-masuk/${letter.id}` });
    recordLetterEvent(tx, ctx, letter.id, input.complete ? "completed" : "followed_up", note, d.id);
    writeAudit(tx, ctx, { action: `disposition.${state}`, entityType: "incoming_letter", entityId: letter.id, after: { dispositionId: d.id, note, sha256: sha } });
  });
}

/** Declines a disposition with a reason (e.g. it belongs to another office); the sender is told. */
export function declineDisposition(ctx: Ctx, dispositionId: number, reason: string): void {
  const text = reason.trim();
  if (text.length < 3) throw invalid({ reason: "incoming.decline.reasonRequired" });
  if (text.length > NOTE_MAX) throw invalid({ reason: "validation.tooLong" });
  ctx.db.transaction((tx) => {
    const { disposition: d, letter } = receivedDisposition(tx, ctx, dispositionId);
    if (!OPEN.includes(d.state)) throw new DomainError("conflict", "incoming.dispose.closed");
    tx.update(dispositions)
      .set({ state: "declined", declineReason: text, actedAt: ctx.now, actedByEmployeeId: ctx.actor.employeeId, actedAssignmentId: ctx.actor.acting?.assignmentId ?? null, readAt: d.readAt ?? ctx.now })
      .where(eq(dispositions.id, d.id))
      .run();
    notifyPosition(tx, ctx, d.fromPositionId, { kind: "follow_up_reported", messageKey: "notifications.messages.dispositionDeclined", params: { subject: letter.subject }, href: `/surat-masuk/${letter.id}` });
    recordLetterEvent(tx, ctx, letter.id, "declined", text, d.id);
    writeAudit(tx, ctx, { action: "disposition.declined", entityType: "incoming_letter", entityId: letter.id, after: { dispositionId: d.id, reason: text } });
  });
}

/** Starts a reply (a Nota Dinas draft) from a received disposition; the draft is linked to the disposition. */
export function startReplyDraft(ctx: Ctx, dispositionId: number, documentTypeId: number): { documentId: number } {
  const { disposition: d } = receivedDisposition(ctx.db, ctx, dispositionId);
  if (!OPEN.includes(d.state)) throw new DomainError("conflict", "incoming.dispose.closed");
  const draft = createDraft(ctx, { documentTypeId });
  ctx.db.transaction((tx) => {
    tx.update(dispositions).set({ replyDocumentId: draft.documentId, state: "in_progress" }).where(eq(dispositions.id, d.id)).run();
    writeAudit(tx, ctx, { action: "disposition.reply_started", entityType: "incoming_letter", entityId: d.letterId, after: { dispositionId: d.id, documentId: draft.documentId } });
  });
  return draft;
}
