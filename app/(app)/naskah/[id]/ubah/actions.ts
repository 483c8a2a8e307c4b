"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { DomainError } from "@/lib/errors";
import { addAttachment, removeAttachment, uploadBodyPdf, useEditorBody } from "@/lib/documents/document-files";
import { draftFieldsSchema } from "@/lib/documents/draft-input";
import { cancelDraft, saveDraft } from "@/lib/documents/drafts";
import { editAsReviewer, submitDraft } from "@/lib/documents/review";
import { maxPdfBytes } from "@/lib/signing/pdf-input";
import { idField, optionalText, uploadField, type Upload } from "@/lib/validation";

const withId = draftFieldsSchema.extend({ documentId: idField });

/** The compose form's autosave: nothing else shows a draft yet, so the route is not refreshed. */
export const saveDraftAction = defineAction(
  withId,
  (ctx, { documentId, ...fields }) => ({ savedAt: saveDraft(ctx, documentId, fields).updatedAt.getTime() }),
  { revalidate: false },
);

/** Saves what the form holds, then sends it to the first reviewer (or the signers). */
export const submitDraftAction = defineAction(
  withId,
  async (ctx, { documentId, ...fields }) => {
    saveDraft(ctx, documentId, fields);
    await submitDraft(ctx, documentId);
    return { documentId };
  },
  { redirectTo: (r) => `/naskah/${r.documentId}?ok=dikirim` },
);

export const reviewerEditAction = defineAction(
  withId.extend({ note: optionalText(1000) }),
  (ctx, { documentId, note, ...fields }) => ({ documentId, ...editAsReviewer(ctx, documentId, fields, note) }),
  { redirectTo: (r) => `/naskah/${r.documentId}?ok=diubah` },
);

async function bytesOf(file: Upload): Promise<Buffer> {
  const max = maxPdfBytes();
  // Refuse before buffering the upload; the lib checks the size once more.
  if (file.size > max) throw new DomainError("invalid", "pdf.tooLarge", { maxMb: Math.round(max / 1048576) }, { file: "pdf.tooLarge" });
  return Buffer.from(await file.arrayBuffer());
}

export const uploadBodyPdfAction = defineAction(
  z.object({ documentId: idField, file: uploadField("naskah.compose.fileRequired") }),
  async (ctx, input) => {
    await uploadBodyPdf(ctx, input.documentId, await bytesOf(input.file));
    return { documentId: input.documentId };
  },
  { redirectTo: (r) => `/naskah/${r.documentId}/ubah` },
);

export const useEditorBodyAction = defineAction(
  z.object({ documentId: idField }),
  (ctx, input) => {
    useEditorBody(ctx, input.documentId);
    return { documentId: input.documentId };
  },
  { redirectTo: (r) => `/naskah/${r.documentId}/ubah` },
);

export const addAttachmentAction = defineAction(
  z.object({ documentId: idField, file: uploadField("naskah.compose.fileRequired") }),
  async (ctx, input) => ({ documentId: input.documentId, ...(await addAttachment(ctx, input.documentId, { name: input.file.name, data: await bytesOf(input.file) })) }),
  { success: "naskah.compose.attachmentAdded" },
);

export const removeAttachmentAction = defineAction(z.object({ documentId: idField, attachmentId: idField }), (ctx, input) => {
  removeAttachment(ctx, input.documentId, input.attachmentId);
  return { documentId: input.documentId };
});

export const cancelDraftAction = defineAction(
  z.object({ documentId: idField }),
  (ctx, input) => {
    cancelDraft(ctx, input.documentId);
    return { documentId: input.documentId };
  },
  { redirectTo: () => "/naskah?daftar=konsep" },
);
