import { DomainError, invalid } from "@/lib/errors";
import { sniffImageType } from "@/lib/files/image-type";
import { ATTACHMENT_MAX_BYTES } from "./kinds";

// A supporting document (a doctor's letter): a PDF, or a photo of the paper. The type comes from the bytes, never
// from the name or the browser's claim, because the file is served back to the approver.

export type RequestAttachment = { data: Buffer; mediaType: "application/pdf" | "image/png" | "image/jpeg" };

export function checkedAttachment(data: Buffer): RequestAttachment {
  if (data.length === 0) throw invalid({ attachment: "pengajuan.errors.attachmentRequired" });
  if (data.length > ATTACHMENT_MAX_BYTES) {
    const maxMb = Math.round(ATTACHMENT_MAX_BYTES / 1048576);
    throw new DomainError("invalid", "pengajuan.errors.attachmentTooLarge", { maxMb }, { attachment: "pengajuan.errors.attachmentTooLarge" });
  }
  const mediaType = data.subarray(0, 1024).toString("latin1").includes("%PDF-") ? "application/pdf" : sniffImageType(data);
  if (!mediaType) throw invalid({ attachment: "pengajuan.errors.attachmentType" });
  return { data, mediaType };
}
