"use server";

import { z } from "zod";
import { SECURITY_CLASSES } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { DomainError } from "@/lib/errors";
import { createSigningDocument } from "@/lib/signing/documents";
import { maxPdfBytes } from "@/lib/signing/pdf-input";
import { optionalLocalDateField, optionalText, requiredText, uploadField } from "@/lib/validation";


const uploadSchema = z.object({
  file: uploadField("signing.upload.fileRequired"),
  title: requiredText(200),
  securityClass: z.enum(SECURITY_CLASSES, { message: "validation.invalid" }),
  documentNumber: optionalText(100),
  documentDate: optionalLocalDateField,
  // One hidden input per signer, in signing order; FormData gives a string for one and an array for more.
  signer: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int().positive()).min(1, "signing.noSigners").max(20, "validation.invalid"),
  ),
});

/** Stores the PDF as revision 1 with its signers, then opens the document so the first signer can place and sign. */
export const createSigningDocumentAction = defineAction(
  uploadSchema,
  async (ctx, input) => {
    const max = maxPdfBytes();
    // Refuse before buffering the upload again; the lib checks the size once more.
    if (input.file.size > max) throw new DomainError("invalid", "pdf.tooLarge", { maxMb: Math.round(max / 1048576) }, { file: "pdf.tooLarge" });
    const pdf = Buffer.from(await input.file.arrayBuffer());
    return createSigningDocument(ctx, {
      title: input.title,
      pdf,
      signerEmployeeIds: input.signer,
      securityClass: input.securityClass,
      documentNumber: input.documentNumber,
      documentDate: input.documentDate,
    });
  },
  { redirectTo: (created) => `/tandatangan/${created.documentId}` },
);
