"use server";

import { z } from "zod";
import { LEAVE_TYPES, REQUEST_KINDS } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { ATTACHMENT_MAX_BYTES, REASON_MAX } from "@/lib/attendance/requests/kinds";
import { submitAttendanceRequest } from "@/lib/attendance/requests/submit";
import { DomainError } from "@/lib/errors";
import { checkedPdfOrImage } from "@/lib/files/pdf-safety";
import { isUpload, optionalIdField, optionalText } from "@/lib/validation";

const emptyAsNull = (v: unknown) => (v === "" || v == null ? null : v);

// Only the shape: the rules (dates, times, balance, who approves) are the lib's, reported per field.
const submitSchema = z.object({
  kind: z.enum(REQUEST_KINDS, { message: "pengajuan.errors.kindRequired" }),
  leaveType: z.preprocess(emptyAsNull, z.enum(LEAVE_TYPES, { message: "pengajuan.errors.leaveTypeRequired" }).nullable()),
  startDate: optionalText(10),
  endDate: optionalText(10),
  checkIn: optionalText(5),
  checkOut: optionalText(5),
  reason: optionalText(REASON_MAX),
  // Optional: the file field is not posted at all while its section is hidden (a disabled fieldset).
  attachment: z.unknown().optional().transform((v) => (isUpload(v) && v.size > 0 ? v : null)),
  officialDocumentId: optionalIdField,
});

/** Sends the request to the superior (or records a dinas luar on a Surat Tugas as approved) and lists it. */
export const submitRequestAction = defineAction(
  submitSchema,
  async (ctx, { attachment, ...input }) => {
    // Refuse before buffering the upload; the lib checks size and type once more.
    if (attachment && attachment.size > ATTACHMENT_MAX_BYTES) {
      const maxMb = Math.round(ATTACHMENT_MAX_BYTES / 1048576);
      throw new DomainError("invalid", "pengajuan.errors.attachmentTooLarge", { maxMb }, { attachment: "pengajuan.errors.attachmentTooLarge" });
    }
    const bytes = attachment ? Buffer.from(await attachment.arrayBuffer()) : null;
    // The lib checks size and type; a PDF also gets the check every uploaded PDF gets, which parses it (async).
    if (bytes) await checkedPdfOrImage(bytes, "attachment", "pengajuan.errors.attachmentType");
    return submitAttendanceRequest(ctx, { ...input, attachment: bytes });
  },
  { redirectTo: (r) => `/presensi/pengajuan?ok=${r.state === "approved" ? "disetujui" : "terkirim"}` },
);
