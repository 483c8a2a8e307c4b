"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { REVOCATION_REASONS } from "@/lib/signing/certificate-queries";
import { revokeCertificate } from "@/lib/signing/enrolment";
import { idField, optionalText } from "@/lib/validation";

export const revokeCertificateAction = defineAction(
  z.object({
    certificateId: idField,
    reason: z.enum(REVOCATION_REASONS, { error: "certificates.reasonRequired" }),
    note: optionalText(300),
  }),
  (ctx, input) => revokeCertificate(ctx, input),
  { success: "certificates.revoked" },
);
