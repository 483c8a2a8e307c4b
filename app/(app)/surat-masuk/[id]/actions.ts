"use server";

import { z } from "zod";
import { URGENCIES } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { agencyTimeZone } from "@/lib/documents/document-detail";
import { getDocumentTypeByCode } from "@/lib/documents/document-types";
import { DomainError, invalid } from "@/lib/errors";
import { checkedPdfOrImage } from "@/lib/files/pdf-safety";
import { closeWithoutDisposition, declineDisposition, disposeLetter, MAX_RECIPIENTS, NOTE_MAX, reportFollowUp, startReplyDraft, withdrawDisposition } from "@/lib/incoming/dispositions";
import { maxPdfBytes } from "@/lib/signing/pdf-input";
import { localDate } from "@/lib/time";
import { checkbox, idField, optionalIdField, optionalLocalDateField, optionalText } from "@/lib/validation";
import { chosenFile, positionIds } from "../form-input";

const onLetter = z.object({ letterId: idField });
const onDisposition = onLetter.extend({ dispositionId: idField });
const back = (r: { letterId: number }, ok: string) => `/surat-masuk/${r.letterId}?ok=${ok}`;

export const disposeAction = defineAction(
  onLetter.extend({
    // Empty when the actor disposes as an addressee; the received disposition when forwarding further.
    parentId: optionalIdField,
    toPositionIds: positionIds("incoming.dispose.recipientRequired", MAX_RECIPIENTS, "incoming.dispose.tooMany"),
    instructions: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(200, "validation.tooLong")).max(50, "validation.invalid")),
    otherInstruction: optionalText(200),
    note: optionalText(NOTE_MAX),
    urgency: z.enum(URGENCIES, { message: "validation.invalid" }),
    deadline: optionalLocalDateField,
    copySuperior: checkbox,
  }).refine((v) => (Array.isArray(v.instructions) && v.instructions.length > 0) || (typeof v.otherInstruction === "string" && v.otherInstruction.trim() !== ""), {
    path: ["instructions"],
    message: "incoming.dispose.instructionRequired",
    // Also when another field is wrong, so every problem shows at once.
    when: () => true,
  }),
  (ctx, input) => {
    if (input.deadline && input.deadline < localDate(ctx.now, agencyTimeZone(ctx))) throw invalid({ deadline: "incoming.dispose.deadlinePast" });
    disposeLetter(ctx, input);
    return { letterId: input.letterId };
  },
  { redirectTo: (r) => back(r, "didisposisikan") },
);

export const closeWithoutDispositionAction = defineAction(
  onLetter.extend({ note: optionalText(NOTE_MAX) }),
  (ctx, input) => {
    closeWithoutDisposition(ctx, input.letterId, input.note);
    return { letterId: input.letterId };
  },
  { redirectTo: (r) => back(r, "ditutup") },
);

export const withdrawAction = defineAction(
  onDisposition,
  (ctx, input) => {
    withdrawDisposition(ctx, input.dispositionId);
    return { letterId: input.letterId };
  },
  { redirectTo: (r) => back(r, "ditarik") },
);

/** The follow-up's file: a PDF or a photo, recognised by its bytes, never by its name. */
async function followUpFile(file: { size: number; arrayBuffer(): Promise<ArrayBuffer> } | null): Promise<{ data: Buffer; mediaType: string } | null> {
  if (!file) return null;
  const max = maxPdfBytes();
  if (file.size > max) throw new DomainError("invalid", "pdf.tooLarge", { maxMb: Math.round(max / 1048576) }, { file: "pdf.tooLarge" });
  // A PDF passes the check every uploaded PDF passes (no scripts, readable, not encrypted, no polyglot).
  return checkedPdfOrImage(Buffer.from(await file.arrayBuffer()), "file", "incoming.followUp.fileType");
}

export const followUpAction = defineAction(
  onDisposition.extend({ note: optionalText(NOTE_MAX), file: z.unknown().transform(chosenFile), complete: checkbox }),
  async (ctx, input) => {
    reportFollowUp(ctx, input.dispositionId, { note: input.note, file: await followUpFile(input.file), complete: input.complete });
    return { letterId: input.letterId, complete: input.complete };
  },
  { redirectTo: (r) => back(r, r.complete ? "selesai" : "ditindaklanjuti") },
);

export const declineAction = defineAction(
  onDisposition.extend({ reason: optionalText(NOTE_MAX) }),
  (ctx, input) => {
    declineDisposition(ctx, input.dispositionId, input.reason);
    return { letterId: input.letterId };
  },
  { redirectTo: (r) => back(r, "ditolak") },
);

/** A Nota Dinas draft answering the disposition, opened in the compose form. */
export const replyDraftAction = defineAction(
  onDisposition,
  (ctx, input) => {
    const notaDinas = getDocumentTypeByCode(ctx.db, ctx.actor.agencyId, "ND");
    if (!notaDinas?.active) throw new DomainError("invalid", "incoming.reply.noNotaDinas");
    return startReplyDraft(ctx, input.dispositionId, notaDinas.id);
  },
  { redirectTo: (draft) => `/naskah/${draft.documentId}/ubah` },
);
