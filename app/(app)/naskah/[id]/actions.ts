"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { assignManualDocumentNumber } from "@/lib/documents/document-number";
import { createReply } from "@/lib/documents/drafts";
import { forwardDocument } from "@/lib/documents/receipt";
import { approveDocument, returnDocument } from "@/lib/documents/review";
import { signOfficialDocument } from "@/lib/documents/signing";
import { publicBaseUrl } from "@/lib/http/public-url";
import { idField, optionalText, requiredText } from "@/lib/validation";

const documentId = z.object({ documentId: idField });
const back = (r: { documentId: number }, ok: string) => `/naskah/${r.documentId}?ok=${ok}`;

export const approveAction = defineAction(
  documentId.extend({ note: optionalText(1000) }),
  async (ctx, input) => ({ documentId: input.documentId, ...(await approveDocument(ctx, input.documentId, input.note)) }),
  { redirectTo: (r) => back(r, "paraf") },
);

export const returnAction = defineAction(
  documentId.extend({ note: z.string().trim().min(3, "naskah.review.noteRequired").max(1000, "validation.tooLong") }),
  (ctx, input) => {
    returnDocument(ctx, input.documentId, input.note);
    return { documentId: input.documentId };
  },
  { redirectTo: (r) => back(r, "dikembalikan") },
);

export const signAction = defineAction(
  // Not trimmed: spaces can be part of a passphrase.
  documentId.extend({ passphrase: z.string().min(1, "signing.sign.passphraseRequired").max(200, "validation.tooLong") }),
  async (ctx, input) => ({
    documentId: input.documentId,
    ...(await signOfficialDocument(ctx, { documentId: input.documentId, passphrase: input.passphrase, verificationBaseUrl: await publicBaseUrl() })),
  }),
  { redirectTo: (r) => back(r, "ditandatangani") },
);

export const forwardAction = defineAction(
  documentId.extend({
    positions: z.preprocess(
      (v) => {
        try {
          return typeof v === "string" && v ? (JSON.parse(v) as { positionId?: number }[]).map((r) => r.positionId) : [];
        } catch {
          return [];
        }
      },
      z.array(z.coerce.number().int().positive()).min(1, "naskah.forward.noRecipients").max(50, "naskah.recipients.tooMany"),
    ),
    note: optionalText(1000),
  }),
  (ctx, input) => ({ documentId: input.documentId, ...forwardDocument(ctx, input.documentId, { positionIds: input.positions, note: input.note }) }),
  { redirectTo: (r) => back(r, "diteruskan") },
);

export const replyAction = defineAction(documentId, (ctx, input) => createReply(ctx, input.documentId), {
  redirectTo: (draft) => `/naskah/${draft.documentId}/ubah`,
});

export const manualNumberAction = defineAction(
  documentId.extend({ number: requiredText(100), reason: requiredText(500) }),
  (ctx, input) => ({ documentId: input.documentId, ...assignManualDocumentNumber(ctx, input.documentId, { number: input.number, reason: input.reason }) }),
  { redirectTo: (r) => back(r, "bernomor") },
);
