import "server-only";
import type { SignatureBlockText } from "./appearance";
import { buildPadesSignature } from "./cms";
import { embedSignature, type Placement, type TextStamp } from "./pdf-incremental";
import { preparePdfSignature } from "./prepare-in-worker";
import type { SignatureProvider } from "./signature-provider";

export type SignPdfInput = {
  provider: SignatureProvider;
  placement: Placement;
  block: SignatureBlockText;
  signingTime: Date;
  reason: string;
  location: string;
  /** Text drawn in the same incremental update (the number and date at the last signature), covered by this signature. */
  stamps?: TextStamp[];
};

/**
 * The signing pipeline: check the PDF, append the field, the visible block and a placeholder as an
 * incremental update, hash the byte ranges, have the provider sign, embed the CMS.
 * Returns the new revision; the input bytes are its unchanged prefix.
 */
export async function signPdf(pdf: Buffer, input: SignPdfInput): Promise<{ bytes: Buffer; fieldName: string }> {
  const prepared = await preparePdfSignature(
    pdf,
    input.placement,
    input.block,
    { signingTime: input.signingTime, signerName: input.block.signerName, reason: input.reason, location: input.location },
    input.stamps,
  );
  const cms = await buildPadesSignature(prepared.digest, input.provider);
  return { bytes: embedSignature(prepared, cms), fieldName: prepared.fieldName };
}
