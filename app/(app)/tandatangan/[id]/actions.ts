"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { publicBaseUrl } from "@/lib/http/public-url";
import { signDocument } from "@/lib/signing/documents";
import { ANCHOR_MARKER } from "@/lib/signing/anchor";
import type { Placement } from "@/lib/signing/pdf-incremental";
import { idField } from "@/lib/validation";

const fraction = z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().min(0).max(1).default(1));

const signSchema = z.object({
  documentId: idField,
  // Not trimmed: spaces can be part of a passphrase.
  passphrase: z.string().min(1, "signing.sign.passphraseRequired").max(200, "validation.tooLong"),
  placement: z.enum(["manual", "auto", "anchor"]).default("auto"),
  pageIndex: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().min(0).optional()),
  x: fraction,
  y: fraction,
});

export const signDocumentAction = defineAction(
  signSchema,
  async (ctx, input) => {
    // "Taruh otomatis" and a form sent without JavaScript (no preview, so no page chosen): the last page,
    // bottom right. "Pada tanda #": where the drafter typed the marker, as BSrE's anchor placement.
    const placement: Placement =
      input.placement === "anchor"
        ? { anchor: ANCHOR_MARKER }
        : input.placement === "manual" && input.pageIndex !== undefined
          ? { pageIndex: input.pageIndex, x: input.x, y: input.y }
          : { pageIndex: -1, x: 1, y: 1 };
    const result = await signDocument(ctx, { documentId: input.documentId, passphrase: input.passphrase, placement, verificationBaseUrl: await publicBaseUrl() });
    return { ...result, documentId: input.documentId };
  },
  { redirectTo: (signed) => `/tandatangan/${signed.documentId}?ditandatangani=1` },
);
