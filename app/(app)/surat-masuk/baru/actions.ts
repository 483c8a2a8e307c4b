"use server";

import { z } from "zod";
import { SECURITY_CLASSES, URGENCIES } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { DomainError, invalid } from "@/lib/errors";
import { imagesToPdf } from "@/lib/files/images-to-pdf";
import { registerIncomingLetter } from "@/lib/incoming/register";
import { maxPdfBytes } from "@/lib/signing/pdf-input";
import { optionalText, requiredText, type Upload } from "@/lib/validation";
import { chosenFile, positionIds, requiredDate } from "../form-input";

const registerSchema = z.object({
  senderAgency: requiredText(200),
  senderName: optionalText(200),
  letterNumber: requiredText(100),
  letterDate: requiredDate,
  receivedDate: requiredDate,
  subject: requiredText(500),
  securityClass: z.enum(SECURITY_CLASSES, { message: "validation.invalid" }),
  urgency: z.enum(URGENCIES, { message: "validation.invalid" }),
  classificationCode: optionalText(50),
  attachmentCount: z.preprocess(
    (v) => (v === "" || v == null ? 0 : v),
    z.coerce.number({ message: "validation.invalid" }).int("validation.invalid").min(0, "validation.invalid").max(999, "incoming.register.tooManyAttachments"),
  ),
  summary: optionalText(2000),
  addressees: positionIds("incoming.register.addresseeRequired", 30, "naskah.recipients.tooMany"),
  file: z.unknown().transform(chosenFile),
  // Several photos give an array (repeated key), one gives the file, none gives one empty entry.
  photos: z.unknown().transform((v) => (Array.isArray(v) ? v : [v]).map(chosenFile).filter((f): f is Upload => f !== null)),
});

/** The one PDF of the letter: the uploaded scan, or the page photos combined. */
async function scanOf(file: Upload | null, photos: Upload[]): Promise<Buffer> {
  if (file && photos.length > 0) throw invalid({ photos: "incoming.register.scanBoth" });
  if (!file && photos.length === 0) throw invalid({ file: "incoming.register.scanRequired" });
  const max = maxPdfBytes();
  const maxMb = Math.round(max / 1048576);
  if (file) {
    // Refuse before buffering the upload; the lib checks the PDF once more.
    if (file.size > max) throw new DomainError("invalid", "pdf.tooLarge", { maxMb }, { file: "pdf.tooLarge" });
    return Buffer.from(await file.arrayBuffer());
  }
  if (photos.reduce((sum, p) => sum + p.size, 0) > max) {
    throw new DomainError("invalid", "incomingFiles.images.tooLarge", { maxMb }, { photos: "incomingFiles.images.tooLarge" });
  }
  const images = await Promise.all(photos.map(async (p) => ({ bytes: Buffer.from(await p.arrayBuffer()) })));
  try {
    return await imagesToPdf(images);
  } catch (error) {
    // Its refusals name a photo ("foto ke-2"): show them under the photos.
    if (error instanceof DomainError) throw new DomainError(error.code, error.messageKey, error.params, { photos: error.messageKey });
    throw error;
  }
}

/** Registers the letter in the clerk's register (agenda number issued by the lib) and opens it. */
export const registerLetterAction = defineAction(
  registerSchema,
  async (ctx, { addressees, file, photos, ...fields }) => {
    const pdf = await scanOf(file, photos);
    return registerIncomingLetter(ctx, { fields, addresseePositionIds: addressees, pdf });
  },
  { redirectTo: (r) => `/surat-masuk/${r.letterId}?ok=dicatat` },
);
